using SmtpConsole.App;
using Terminal.Gui.Views;

namespace SmtpConsole.Tui;

/// <summary>
/// The masked field of a secret prompt. A pasted single line (a password manager's, with or without its line ends)
/// goes in. A paste of several lines is never cut to its first line and sent as a password: when every line is a
/// command it is handed back whole (<see cref="LinesPasted"/>) to wait in the queue; otherwise one of its lines may
/// be the secret, so it is used nowhere — not typed, not queued, not stored — and <see cref="PasteRefused"/> says so.
/// </summary>
internal sealed class SecretField : TextField
{
    public SecretField()
    {
        Secret = true;
    }

    /// <summary>A multi-line paste of commands arrived: every line, in order (the unfinished last one included when not empty).</summary>
    public event Action<IReadOnlyList<string>>? LinesPasted;

    /// <summary>A multi-line paste that was not all commands was dropped: how many lines it had.</summary>
    public event Action<int>? PasteRefused;

    protected override string OnSanitizingPaste(string raw) => raw;

    protected override bool OnPaste(string text)
    {
        var pasted = PastedText.Parse(text);
        var lines = pasted.Lines.ToList();
        if (pasted.Rest.Length > 0) lines.Add(pasted.Rest);
        // Empty lines at the end are only line ends: a CR LF copied from a file arrives through tmux as CR CR.
        while (lines.Count > 1 && lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
        if (lines.Count <= 1) return base.OnPaste(lines.Count == 1 ? lines[0] : string.Empty);
        if (PastedCommandLines.AreAllCommands(lines)) LinesPasted?.Invoke(lines);
        else PasteRefused?.Invoke(lines.Count);
        return true;
    }
}
