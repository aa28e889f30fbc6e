namespace SmtpConsole.IntegrationTests.Infrastructure;

/// <summary>The shape of the &lt;n&gt;.json side file aiosmtpd_server.py writes next to each &lt;n&gt;.eml.</summary>
internal sealed record AiosmtpdEnvelope
{
    public string? MailFrom { get; init; }

    public List<string>? RcptTos { get; init; }

    public List<string>? MailOptions { get; init; }

    public List<string>? RcptOptions { get; init; }

    public bool SmtpUtf8 { get; init; }

    public bool Tls { get; init; }

    public string? AuthenticatedAs { get; init; }

    public string? Helo { get; init; }
}
