namespace SmtpConsole.Core.Session;

/// <summary>How a connection is secured.</summary>
public enum SecurityMode
{
    /// <summary>Plain TCP; the user may upgrade later with <c>/starttls</c>.</summary>
    Plain,

    /// <summary>The engine sends EHLO and STARTTLS itself right after the greeting (like <c>openssl s_client -starttls smtp</c>).</summary>
    StartTls,

    /// <summary>Implicit TLS from the first byte (port 465).</summary>
    Tls,
}
