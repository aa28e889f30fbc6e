namespace SmtpConsole.Core.Proxy;

public enum ProxyKind
{
    /// <summary>SOCKS5 (RFC 1928), optionally with username/password (RFC 1929).</summary>
    Socks5,

    /// <summary>An HTTP proxy's CONNECT tunnel (RFC 9110 §9.3.6), optionally with Basic auth.</summary>
    HttpConnect,
}
