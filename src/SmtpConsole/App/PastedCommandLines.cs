namespace SmtpConsole.App;

/// <summary>
/// Whether pasted lines are console input (SMTP commands, /helpers, empty lines) rather than something else, such
/// as a password copied with its line break. A paste into a secret prompt is queued as commands only when every line
/// is one: a line that could be the secret must never go on the wire, into history or into the log in clear.
/// </summary>
internal static class PastedCommandLines
{
    // The verbs a person pastes at the prompt (RFC 5321 and the common extensions); anything else might be a secret.
    private static readonly HashSet<string> Verbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "EHLO", "HELO", "LHLO", "MAIL", "RCPT", "DATA", "BDAT", "RSET", "NOOP", "QUIT", "VRFY", "EXPN", "HELP",
        "AUTH", "STARTTLS", "ETRN", "TURN", "ATRN", "XCLIENT", "XFORWARD",
    };

    public static bool AreAllCommands(IReadOnlyList<string> lines) => lines.All(IsCommand);

    public static bool IsCommand(string line)
    {
        string trimmed = line.Trim(' ', '\t');
        if (trimmed.Length == 0) return true;
        if (trimmed[0] == '/') return trimmed.Length > 1 && char.IsAsciiLetter(trimmed[1]);
        int end = trimmed.IndexOfAny([' ', '\t']);
        return Verbs.Contains(end < 0 ? trimmed : trimmed[..end]);
    }
}
