using Terminal.Gui.Drivers;

namespace SmtpConsole.Tui;

/// <summary>Terminal.Gui's ANSI components, with <see cref="PollingAnsiInput"/> made on the input thread as Terminal.Gui would make its own.</summary>
internal sealed class PollingInputFactory : AnsiComponentFactory
{
    private PollingAnsiInput? _input;

    /// <summary>The input Terminal.Gui asked for, once it did.</summary>
    public PollingAnsiInput? Input => Volatile.Read(ref _input);

    public override IInput<char> CreateInput()
    {
        var input = new PollingAnsiInput();
        Volatile.Write(ref _input, input);
        return input;
    }
}
