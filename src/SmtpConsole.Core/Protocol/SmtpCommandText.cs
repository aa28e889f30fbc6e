namespace SmtpConsole.Core.Protocol;

/// <summary>Rules for text that goes on the wire as one command line.</summary>
public static class SmtpCommandText
{
    /// <summary>
    /// Refuses text that would split into several commands (CR or LF) or carry a NUL: a variable, a profile value or a
    /// pasted string must never be able to smuggle a second command onto the wire.
    /// </summary>
    public static string? Problem(string text)
    {
        int i = text.AsSpan().IndexOfAny('\r', '\n', '\0');
        if (i < 0) return null;
        return text[i] switch
        {
            '\r' => Messages.SessionMessages.CommandHasCr(i + 1),
            '\n' => Messages.SessionMessages.CommandHasLf(i + 1),
            _ => Messages.SessionMessages.CommandHasNul(i + 1),
        };
    }

    /// <summary>Throws <see cref="ArgumentException"/> when <see cref="Problem"/> finds something.</summary>
    public static void Validate(string text, string what = "command")
    {
        if (Problem(text) is { } problem) throw new ArgumentException($"{what}: {problem}");
    }

    /// <summary>
    /// The command verb: the first word, upper-case (<c>MAIL</c> for <c>mail from:&lt;a@b&gt;</c>). Words end at SMTP
    /// whitespace (space or tab, as servers such as Postfix accept), never at a space alone.
    /// </summary>
    public static string Verb(string line)
    {
        var span = line.AsSpan().TrimStart(" \t");
        int end = span.IndexOfAny(' ', '\t', ':');
        var verb = end < 0 ? span : span[..end];
        // The common verbs come back as one shared string each (a pipelined group asks 10,000 times).
        foreach (string known in CommonVerbs)
            if (verb.Equals(known, StringComparison.OrdinalIgnoreCase)) return known;
        return verb.ToString().ToUpperInvariant();
    }

    private static readonly string[] CommonVerbs = ["RCPT", "MAIL", "EHLO", "HELO", "DATA", "QUIT", "RSET", "NOOP", "AUTH", "STARTTLS", "BDAT", "VRFY"];

    /// <summary>
    /// What follows the verb, trimmed (<c>me.example</c> for <c>EHLO me.example</c>); empty when there is nothing. Split
    /// at SMTP whitespace like <see cref="Verb"/>, so <c>EHLO\tme.example</c> has the same argument.
    /// </summary>
    public static string Argument(string line)
    {
        var span = line.AsSpan().Trim(" \t");
        int end = span.IndexOfAny(' ', '\t');
        return end < 0 ? string.Empty : span[(end + 1)..].Trim(" \t").ToString();
    }
}
