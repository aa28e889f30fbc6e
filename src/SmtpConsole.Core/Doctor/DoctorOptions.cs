using SmtpConsole.Core.Session;

namespace SmtpConsole.Core.Doctor;

/// <summary>What the doctor examines: a target, and optionally a login and an envelope to probe.</summary>
public sealed record DoctorOptions
{
    public required ConnectOptions Target { get; init; }

    /// <summary>Domain whose MX records to list (e.g. the part after @ of the user), when known.</summary>
    public string? MailDomain { get; init; }

    public string? User { get; init; }

    /// <summary>The secret for a real login; null skips the login.</summary>
    public string? Secret { get; init; }

    /// <summary>Preferred mechanisms in order (from the profile); the first one the server offers is used.</summary>
    public IReadOnlyList<string> PreferredMechanisms { get; init; } = [];

    /// <summary>MAIL FROM / RCPT TO for the envelope probe (closed with RSET, nothing is sent).</summary>
    public string? MailFrom { get; init; }
    public string? RcptTo { get; init; }

    /// <summary>Allow a login over a connection without TLS (never by default).</summary>
    public bool AllowPlaintextAuth { get; init; }

    /// <summary>Provider rule: MAIL FROM must equal the login (QQ, 163, iCloud…).</summary>
    public bool FromMustEqualLogin { get; init; }
}
