namespace SmtpConsole.Core.Messages;

/// <summary>
/// The steps of a proxy handshake as the transcript shows them (SOCKS5 and HTTP CONNECT), worded in
/// <see cref="CoreMessages.Language"/>; protocol words (SOCKS5, CONNECT, HTTP/1.1) stay as they are. Texts: <c>Proxy.*</c> keys.
/// </summary>
public static class ProxyMessages
{
    public static string ConnectedAskingForTunnel(string proxy, string target) => Say(nameof(ConnectedAskingForTunnel), proxy, target);

    public static string Socks5OfferedNoAuthentication => Say(nameof(Socks5OfferedNoAuthentication));

    public static string Socks5OfferedNoAuthenticationOrPassword => Say(nameof(Socks5OfferedNoAuthenticationOrPassword));

    public static string Socks5NeedsNoAuthentication => Say(nameof(Socks5NeedsNoAuthentication));

    public static string Socks5Connect(string target, string how) => Say(nameof(Socks5Connect), target, how);

    public static string Socks5ByAddress => Say(nameof(Socks5ByAddress));

    public static string Socks5ByNameResolvedByProxy => Say(nameof(Socks5ByNameResolvedByProxy));

    public static string Socks5TunnelOpen(string bound) => Say(nameof(Socks5TunnelOpen), bound);

    public static string Socks5SendingCredentials => Say(nameof(Socks5SendingCredentials));

    public static string Socks5CredentialsAccepted => Say(nameof(Socks5CredentialsAccepted));

    public static string HttpConnect(string target) => Say(nameof(HttpConnect), target);

    public static string HttpConnectWithCredentials(string target) => Say(nameof(HttpConnectWithCredentials), target);

    private static string Say(string name, params object?[] args) => MessageCatalog.Format(CoreMessages.Language, "Proxy." + name, args);
}
