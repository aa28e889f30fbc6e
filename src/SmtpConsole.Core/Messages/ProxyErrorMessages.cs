namespace SmtpConsole.Core.Messages;

/// <summary>
/// Why a proxy (SOCKS5 or HTTP CONNECT) did not open the tunnel, worded in <see cref="CoreMessages.Language"/>; protocol
/// words, status codes and URLs stay as they are. Texts: <c>ProxyError.*</c> keys.
/// </summary>
public static class ProxyErrorMessages
{
    public static string Display(string kind, string hostPort) => Say(nameof(Display), kind, hostPort);

    public static string NotHttp(string proxy, string statusLine) => Say(nameof(NotHttp), proxy, statusLine);

    public static string HttpStatus(string status, string reason) => Say(nameof(HttpStatus), status, reason);

    public static string HttpBadCredentials(string proxy) => Say(nameof(HttpBadCredentials), proxy);

    public static string HttpNeedsCredentials(string proxy, string asks, string url) => Say(nameof(HttpNeedsCredentials), proxy, asks, url);

    public static string HttpAsksFor(string challenge) => Say(nameof(HttpAsksFor), challenge);

    public static string HttpForbidden(string proxy, string target, string reason, string port) => Say(nameof(HttpForbidden), proxy, target, reason, port);

    public static string HttpUnreachable(string proxy, string target, string status, string reason) => Say(nameof(HttpUnreachable), proxy, target, status, reason);

    public static string HttpRefused(string proxy, string target, string status, string reason) => Say(nameof(HttpRefused), proxy, target, status, reason);

    public static string HttpClosedBeforeAnswer(string proxy) => Say(nameof(HttpClosedBeforeAnswer), proxy);

    public static string HttpClosedMidAnswer(string proxy) => Say(nameof(HttpClosedMidAnswer), proxy);

    public static string HttpEndlessAnswer(string proxy) => Say(nameof(HttpEndlessAnswer), proxy);

    public static string HandshakeTimeout(string proxy, string seconds) => Say(nameof(HandshakeTimeout), proxy, seconds);

    public static string ClosedDuringHandshake(string proxy, string problem) => Say(nameof(ClosedDuringHandshake), proxy, problem);

    public static string CannotResolve(string host, string problem) => Say(nameof(CannotResolve), host, problem);

    public static string ResolveTimeout(string host, string seconds) => Say(nameof(ResolveTimeout), host, seconds);

    public static string Refused(string address) => Say(nameof(Refused), address);

    public static string NoAnswer(string address, string seconds) => Say(nameof(NoAnswer), address, seconds);

    public static string CannotReach(string proxy, string failures) => Say(nameof(CannotReach), proxy, failures);

    public static string Socks5NoMethod(string proxy) => Say(nameof(Socks5NoMethod), proxy);

    public static string Socks5NeedsCredentials(string proxy, string url) => Say(nameof(Socks5NeedsCredentials), proxy, url);

    public static string Socks5UnknownMethod(string proxy, string method) => Say(nameof(Socks5UnknownMethod), proxy, method);

    public static string Socks5Malformed(string proxy, string version) => Say(nameof(Socks5Malformed), proxy, version);

    public static string Socks5Refused(string proxy, string target, string meaning, string code) => Say(nameof(Socks5Refused), proxy, target, meaning, code);

    public static string Socks5BadCredentials(string proxy, string status) => Say(nameof(Socks5BadCredentials), proxy, status);

    public static string Socks5NameTooLong => Say(nameof(Socks5NameTooLong));

    public static string Socks5UnknownAddressType(string type) => Say(nameof(Socks5UnknownAddressType), type);

    public static string Socks5ClosedMidHandshake => Say(nameof(Socks5ClosedMidHandshake));

    public static string Socks5GeneralFailure => Say(nameof(Socks5GeneralFailure));

    public static string Socks5NotAllowed => Say(nameof(Socks5NotAllowed));

    public static string Socks5NetworkUnreachable => Say(nameof(Socks5NetworkUnreachable));

    public static string Socks5HostUnreachable => Say(nameof(Socks5HostUnreachable));

    public static string Socks5ConnectionRefused => Say(nameof(Socks5ConnectionRefused));

    public static string Socks5TtlExpired => Say(nameof(Socks5TtlExpired));

    public static string Socks5CommandNotSupported => Say(nameof(Socks5CommandNotSupported));

    public static string Socks5AddressTypeNotSupported => Say(nameof(Socks5AddressTypeNotSupported));

    public static string Socks5UnknownReply(int code) => Say(nameof(Socks5UnknownReply), code);

    public static string NotAUrl => Say(nameof(NotAUrl));

    public static string UnsupportedScheme(string scheme) => Say(nameof(UnsupportedScheme), scheme);

    public static string NoHost => Say(nameof(NoHost));

    private static string Say(string name, params object?[] args) => MessageCatalog.Format(CoreMessages.Language, "ProxyError." + name, args);
}
