namespace SmtpConsole.Core.Protocol;

/// <summary>Where the SMTP dialogue is, as far as commands and replies tell (RFC 5321 §4.1.4 ordering); used for hints, completion and validation.</summary>
public enum SessionPhase
{
    Disconnected,
    /// <summary>TCP (and implicit TLS) is up, the greeting has not arrived yet.</summary>
    Connected,
    /// <summary>The 220 greeting arrived; the server expects EHLO/HELO.</summary>
    Greeted,
    /// <summary>EHLO/HELO accepted.</summary>
    Ehlo,
    /// <summary>STARTTLS completed; EHLO must be sent again.</summary>
    Tls,
    /// <summary>AUTH succeeded (235).</summary>
    Authenticated,
    /// <summary>MAIL FROM accepted.</summary>
    Mail,
    /// <summary>At least one RCPT TO accepted.</summary>
    Rcpt,
    /// <summary>DATA accepted with 354; body lines are expected until a lone '.'.</summary>
    Data,
}
