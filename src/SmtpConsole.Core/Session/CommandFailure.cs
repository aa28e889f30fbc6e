namespace SmtpConsole.Core.Session;

/// <summary>Why a command produced no usable reply.</summary>
public enum CommandFailure
{
    None,
    /// <summary>Refused locally before sending (e.g. CR/LF inside a command, plaintext credentials without consent).</summary>
    Refused,
    NotConnected,
    /// <summary>No reply within the reply timeout; the session stays open.</summary>
    Timeout,
    /// <summary>The server closed the connection before replying.</summary>
    Closed,
    /// <summary>The user cancelled the pending step.</summary>
    Cancelled,
    /// <summary>TCP connect failed.</summary>
    ConnectFailed,
    /// <summary>The TLS handshake or certificate check failed.</summary>
    TlsFailed,
    /// <summary>A success reply the exchange had not earned (a 235 before the AUTH exchange was complete): not counted as one.</summary>
    Unverified,
}
