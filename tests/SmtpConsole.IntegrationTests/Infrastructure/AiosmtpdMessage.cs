namespace SmtpConsole.IntegrationTests.Infrastructure;

/// <summary>One message captured by the aiosmtpd server: raw bytes as text plus its envelope.</summary>
public sealed record AiosmtpdMessage
{
    /// <summary>The message exactly as received after DATA/BDAT (dot-unstuffed), decoded as UTF-8.</summary>
    public required string Raw { get; init; }

    public required string FilePath { get; init; }

    public string? MailFrom { get; init; }

    public IReadOnlyList<string> RcptTos { get; init; } = [];

    public IReadOnlyList<string> MailOptions { get; init; } = [];

    /// <summary>Every RCPT TO parameter as sent ("ORCPT=utf-8;…"), for all recipients.</summary>
    public IReadOnlyList<string> RcptOptions { get; init; } = [];

    /// <summary>Whether MAIL FROM carried the SMTPUTF8 parameter.</summary>
    public bool SmtpUtf8 { get; init; }

    public bool Tls { get; init; }

    public string? AuthenticatedAs { get; init; }

    public string? Helo { get; init; }
}
