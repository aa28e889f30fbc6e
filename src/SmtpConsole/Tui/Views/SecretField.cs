using Terminal.Gui.Views;

namespace SmtpConsole.Tui;

/// <summary>
/// The masked field of a secret prompt. A pasted single line (a password manager's, with or without its line end)
/// goes in; a paste of several lines is not a secret, and is handed back whole (<see cref="LinesPasted"/>) rather than
/// cut to its first line and sent as a password.
/// </summary>
internal sealed class SecretField : TextField
{
    public SecretField()
    {
        Secret = true;
    }

    /// <summary>A multi-line paste arrived: every line, in order (the unfinished last one included when not empty).</summary>
    public event Action<IReadOnlyList<string>>? LinesPasted;

    protected override string OnSanitizingPaste(string raw) => raw;

    protected override bool OnPaste(string text)
    {
        var pasted = PastedText.Parse(text);
        bool oneLine = pasted.Lines.Count == 0 || (pasted.Lines.Count == 1 && pasted.Rest.Length == 0);
        if (oneLine) return base.OnPaste(pasted.Lines.Count == 1 ? pasted.Lines[0] : pasted.Rest);
        var lines = pasted.Lines.ToList();
        if (pasted.Rest.Length > 0) lines.Add(pasted.Rest);
        LinesPasted?.Invoke(lines);
        return true;
    }
}
