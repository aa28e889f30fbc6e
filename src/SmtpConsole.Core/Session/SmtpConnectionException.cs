namespace SmtpConsole.Core.Session;

/// <summary>Opening the connection or the TLS layer failed; the message says why in words.</summary>
public sealed class SmtpConnectionException : Exception
{
    public SmtpConnectionException(string message, Exception? inner = null) : base(message, inner) { }

    /// <summary>What the user can do about it, worded by each front end (e.g. trust a private CA).</summary>
    public Messages.Remedy Remedy { get; init; }

    /// <summary>The TLS alert that ended the handshake, when the platform named one.</summary>
    public TlsAlert? Alert { get; init; }
}
