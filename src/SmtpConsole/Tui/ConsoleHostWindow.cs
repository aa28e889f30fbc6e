namespace SmtpConsole.Tui;

/// <summary>The window for a host: the App layer wires a console without knowing Terminal.Gui; this layer draws it.</summary>
internal static class ConsoleHostWindow
{
    public static ConsoleWindow CreateWindow(this ConsoleHost host) => new(host);
}
