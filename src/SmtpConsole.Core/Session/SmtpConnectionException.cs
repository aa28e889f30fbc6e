namespace SmtpConsole.Core.Session;

/// <summary>Opening the connection or the TLS layer failed; the message says why in words.</summary>
public sealed class SmtpConnectionException : Exception
{
    public SmtpConnectionException(string message, Exception? inner = null) : base(message, inner) { }
}
