using SmtpConsole.Core.Messages;
using SmtpConsole.Core.Protocol;

namespace SmtpConsole.Core.Diagnosis;

/// <summary>Everything known about one server reply that the explainer can use.</summary>
/// <param name="Code">The three-digit reply code (e.g. 535).</param>
/// <param name="Enhanced">The RFC 3463 enhanced status code from the first line, if any.</param>
/// <param name="Lines">The reply text of each line, without the reply code and enhanced code.</param>
public sealed record ReplyFacts(int Code, EnhancedStatusCode? Enhanced, IReadOnlyList<string> Lines)
{
    /// <summary>Host name of the server that sent the reply, when known.</summary>
    public string? Host { get; init; }

    /// <summary>The server's 220 greeting text, when known (helps recognise the software).</summary>
    public string? Greeting { get; init; }

    /// <summary>Verb of the command this reply answers: AUTH, MAIL, RCPT, DATA, STARTTLS, EHLO or CONNECT.</summary>
    public string? Phase { get; init; }

    /// <summary>Provider id chosen by the user's profile; wins over host and greeting recognition.</summary>
    public string? ProviderHint { get; init; }

    /// <summary>
    /// True when <see cref="Code"/> was not in the input: it is then the class (<c>500</c>) inferred from the enhanced
    /// code, or <c>0</c> when nothing at all told the class. Never shown as a real code.
    /// </summary>
    public bool CodeInferred { get; init; }

    /// <summary>True when the input carried no reply code and no enhanced code: only the text can be explained.</summary>
    public bool CodeUnknown => CodeInferred && Code / 100 is not (2 or 3 or 4 or 5);

    /// <summary>
    /// True when the reply was quoted in a bounce from another mail server (e.g. the recipient's MX: Postfix
    /// <c>host X said:</c>, Exim <c>SMTP error from remote mail server</c>, DSN <c>smtp;</c>), not answered to the user's client.
    /// </summary>
    public bool FromRemoteServer { get; init; }

    /// <summary>
    /// True when the quoting MTA's log shows it talked to that server on a submission port (587/465): the server is the
    /// relay (smarthost) the user's own MTA forwards through, not the recipient's MX.
    /// </summary>
    public bool ViaSubmissionRelay { get; init; }

    /// <summary>The code as it may be shown: <c>535</c>, <c>5xx (code not shown)</c> or <c>code not shown</c>.</summary>
    public string CodeDisplay => !CodeInferred ? Code.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : CodeUnknown ? "code not shown" : $"{Code / 100}xx (code not shown)";

    /// <summary><see cref="CodeDisplay"/> for a person reading <paramref name="language"/> (JSON keeps the English).</summary>
    public string CodeDisplayIn(UiLanguage language) => !CodeInferred ? CodeDisplay
        : CodeUnknown ? MessageCatalog.Get("Diagnosis.CodeNotShown", language)
        : MessageCatalog.Format(language, "Diagnosis.ClassCodeNotShown", Code / 100);

    /// <summary>All lines joined with single spaces.</summary>
    public string Text => string.Join(' ', Lines.Select(l => l.Trim()).Where(l => l.Length > 0));

    /// <summary>Builds facts from raw reply lines as received (<c>535-5.7.8 text</c> ... <c>535 5.7.8 text</c>).</summary>
    /// <exception cref="FormatException">When the first line does not start with a reply code.</exception>
    public static ReplyFacts FromReplyLines(IReadOnlyList<string> rawLines)
    {
        ArgumentNullException.ThrowIfNull(rawLines);
        if (rawLines.Count == 0 || rawLines[0].Length < 3 || !int.TryParse(rawLines[0].AsSpan(0, 3), out int code) || code is < 200 or > 599)
            throw new FormatException("The first reply line does not start with a three-digit reply code.");
        EnhancedStatusCode? enhanced = null;
        var lines = new List<string>(rawLines.Count);
        foreach (string raw in rawLines)
        {
            string text = raw.Length > 4 ? raw[4..] : string.Empty;
            if (EnhancedStatusCode.TryParsePrefix(text, out var e, out int len))
            {
                enhanced ??= e;
                text = text[len..].TrimStart();
            }
            lines.Add(text.TrimEnd());
        }
        return new ReplyFacts(code, enhanced, lines);
    }

    /// <summary>
    /// Maps the many ways logs name a command (<c>MAIL FROM</c>, <c>end of DATA</c>, <c>HELO</c>,
    /// <c>initial connection</c>...) onto the verbs used in <see cref="Phase"/>; null when unknown.
    /// </summary>
    public static string? NormalizePhase(string? command)
    {
        if (string.IsNullOrWhiteSpace(command)) return null;
        string c = command.Trim().ToUpperInvariant();
        if (c.StartsWith("PIPELINED ", StringComparison.Ordinal)) c = c[10..];
        if (c.StartsWith("MAIL", StringComparison.Ordinal)) return "MAIL";
        if (c.StartsWith("RCPT", StringComparison.Ordinal)) return "RCPT";
        if (c.StartsWith("AUTH", StringComparison.Ordinal) || c is "PASSWORD" or "USERNAME" or "LOGIN") return "AUTH";
        if (c.StartsWith("STARTTLS", StringComparison.Ordinal)) return "STARTTLS";
        if (c.StartsWith("EHLO", StringComparison.Ordinal) || c.StartsWith("HELO", StringComparison.Ordinal) || c.StartsWith("LHLO", StringComparison.Ordinal)) return "EHLO";
        if (c.Contains("DATA", StringComparison.Ordinal) || c.StartsWith("BDAT", StringComparison.Ordinal) || c == ".") return "DATA";
        if (c.Contains("CONNECT", StringComparison.Ordinal) || c is "GREETING" or "BANNER") return "CONNECT";
        if (c is "RSET" or "QUIT" or "NOOP" or "VRFY" or "EXPN" or "HELP") return c;
        return null;
    }
}
