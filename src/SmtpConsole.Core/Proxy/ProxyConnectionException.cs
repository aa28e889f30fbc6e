namespace SmtpConsole.Core.Proxy;

/// <summary>
/// The proxy could not be reached or refused the tunnel; the message says why in words. The session layer turns it
/// into its own connection failure, so this namespace needs nothing from <c>Session</c>.
/// </summary>
public sealed class ProxyConnectionException : Exception
{
    public ProxyConnectionException(string message, Exception? inner = null) : base(message, inner) { }
}
