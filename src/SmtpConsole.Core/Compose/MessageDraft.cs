namespace SmtpConsole.Core.Compose;

/// <summary>
/// The fields of a message to compose: what <c>/compose</c> takes on its command line and what the TUI's compose
/// dialog edits. Addresses are as people write them ("Alice &lt;alice@example.com&gt;" or a bare address).
/// </summary>
public sealed record MessageDraft
{
    public string From { get; init; } = string.Empty;
    public IReadOnlyList<string> To { get; init; } = [];
    public IReadOnlyList<string> Cc { get; init; } = [];

    /// <summary>Envelope-only recipients: they get RCPT TO but appear in no header.</summary>
    public IReadOnlyList<string> Bcc { get; init; } = [];

    public string Subject { get; init; } = string.Empty;

    /// <summary>The text/plain body; null for none.</summary>
    public string? Text { get; init; }

    /// <summary>The text/html body; null for none. With <see cref="Text"/> too, the two become multipart/alternative.</summary>
    public string? Html { get; init; }

    /// <summary>Files attached as they are (paths; relative ones are resolved against the runner's folder).</summary>
    public IReadOnlyList<string> Attachments { get; init; } = [];

    /// <summary>The Date header; null means now.</summary>
    public DateTimeOffset? Date { get; init; }

    /// <summary>The Message-ID without angle brackets; null generates one in the sender's domain.</summary>
    public string? MessageId { get; init; }

    public MessageTransfer Transfer { get; init; } = MessageTransfer.Auto;

    /// <summary>BDAT chunk size in octets.</summary>
    public int ChunkSize { get; init; } = 64 * 1024;

    /// <summary>DSN RET= (FULL or HDRS) on MAIL FROM; null for none.</summary>
    public string? Return { get; init; }

    /// <summary>DSN ENVID= on MAIL FROM, raw (it is xtext-encoded when sent); null for none.</summary>
    public string? EnvelopeId { get; init; }

    /// <summary>DSN NOTIFY= on every RCPT TO (e.g. "SUCCESS,FAILURE"); null for none.</summary>
    public string? Notify { get; init; }

    /// <summary>Every envelope recipient: To, Cc and Bcc.</summary>
    public IEnumerable<string> AllRecipients => To.Concat(Cc).Concat(Bcc);

    /// <summary>
    /// The <c>/compose</c> line that sends this draft: what the transcript and history keep, so a saved session
    /// replays the same message. Line breaks in the bodies are written as \n.
    /// </summary>
    public string ToCommandLine()
    {
        var parts = new List<string> { "/compose", "--from", Commands.CommandLineParser.Quote(From) };
        foreach (var to in To) parts.AddRange(["--to", Commands.CommandLineParser.Quote(to)]);
        foreach (var cc in Cc) parts.AddRange(["--cc", Commands.CommandLineParser.Quote(cc)]);
        foreach (var bcc in Bcc) parts.AddRange(["--bcc", Commands.CommandLineParser.Quote(bcc)]);
        parts.AddRange(["--subject", Commands.CommandLineParser.Quote(Subject)]);
        if (Text is not null) parts.AddRange(["--text", Commands.CommandLineParser.Quote(EscapeBody(Text))]);
        if (Html is not null) parts.AddRange(["--html", Commands.CommandLineParser.Quote(EscapeBody(Html))]);
        foreach (var file in Attachments) parts.AddRange(["--attach", Commands.CommandLineParser.Quote("@" + file)]);
        if (Return is not null) parts.AddRange(["--ret", Return]);
        if (EnvelopeId is not null) parts.AddRange(["--envid", Commands.CommandLineParser.Quote(EnvelopeId)]);
        if (Notify is not null) parts.AddRange(["--notify", Notify]);
        if (Transfer == MessageTransfer.Bdat) parts.Add("--bdat");
        if (Transfer == MessageTransfer.Data) parts.Add("--data");
        if (ChunkSize != 64 * 1024) parts.AddRange(["--chunk", ChunkSize.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        return string.Join(' ', parts);
    }

    /// <summary>Bodies on one command line: "\n" stands for a line break.</summary>
    public static string UnescapeBody(string text) => text.Replace("\\n", "\n", StringComparison.Ordinal);

    private static string EscapeBody(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
