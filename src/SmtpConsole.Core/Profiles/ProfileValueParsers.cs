using System.Globalization;
using System.Net;
using System.Net.Sockets;
using SmtpConsole.Core.Session;

namespace SmtpConsole.Core.Profiles;

/// <summary>Parses and checks profile values; shared by files, environment variables and command-line flags.</summary>
public static class ProfileValueParsers
{
    /// <summary>Mechanisms this console knows; others are allowed but earn a warning in case of a typo.</summary>
    public static IReadOnlyList<string> KnownMechanisms { get; } =
    [
        "XOAUTH2", "OAUTHBEARER", "PLAIN", "LOGIN", "CRAM-MD5", "DIGEST-MD5", "SCRAM-SHA-1", "SCRAM-SHA-1-PLUS",
        "SCRAM-SHA-256", "SCRAM-SHA-256-PLUS", "NTLM", "GSSAPI", "ANONYMOUS", "EXTERNAL",
    ];

    public static IReadOnlyList<string> SecurityNames { get; } = ["plain", "starttls", "tls"];

    private static readonly string[] ProxySchemes = ["socks4", "socks4a", "socks5", "socks5h", "http", "https"];

    public static string? Clean(string? raw) => string.IsNullOrWhiteSpace(raw) ? null : raw.Trim();

    public static bool TryParsePort(string raw, out int port) =>
        int.TryParse(raw.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out port) && port is >= 1 and <= 65535;

    /// <summary>Parses <c>plain</c>, <c>starttls</c> or <c>tls</c>; also common aliases, reported through <paramref name="alias"/>.</summary>
    public static bool TryParseSecurity(string raw, out SecurityMode security, out string? alias)
    {
        alias = null;
        var normalized = raw.Trim().ToLowerInvariant();
        switch (normalized)
        {
            case "plain":
                security = SecurityMode.Plain;
                return true;
            case "starttls":
                security = SecurityMode.StartTls;
                return true;
            case "tls":
                security = SecurityMode.Tls;
                return true;
            case "ssl" or "smtps" or "implicit-tls":
                alias = normalized;
                security = SecurityMode.Tls;
                return true;
            case "start-tls" or "start_tls":
                alias = normalized;
                security = SecurityMode.StartTls;
                return true;
            case "none":
                alias = normalized;
                security = SecurityMode.Plain;
                return true;
            default:
                security = default;
                return false;
        }
    }

    public static string FormatSecurity(SecurityMode security) => security switch
    {
        SecurityMode.Plain => "plain",
        SecurityMode.StartTls => "starttls",
        SecurityMode.Tls => "tls",
        _ => security.ToString().ToLowerInvariant(),
    };

    public static bool TryParseBoolean(string raw, out bool value) => bool.TryParse(raw.Trim(), out value);

    /// <summary>Positive seconds up to a day; fractions allowed.</summary>
    public static bool TryParseSeconds(string raw, out TimeSpan timeout)
    {
        timeout = default;
        if (!double.TryParse(raw.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            || !double.IsFinite(seconds) || seconds <= 0 || seconds > 86_400)
            return false;
        timeout = TimeSpan.FromSeconds(seconds);
        return true;
    }

    /// <summary>Accepts <c>1.0</c>–<c>1.3</c>, optionally written <c>TLS 1.2</c> or <c>tls1.2</c>.</summary>
    public static bool TryParseTlsVersion(string raw, out Version version)
    {
        var normalized = raw.Trim().ToLowerInvariant().Replace("tls", string.Empty, StringComparison.Ordinal)
            .Replace("v", string.Empty, StringComparison.Ordinal).Trim();
        version = normalized switch
        {
            "1.0" or "1" => new Version(1, 0),
            "1.1" => new Version(1, 1),
            "1.2" => new Version(1, 2),
            "1.3" => new Version(1, 3),
            _ => new Version(0, 0),
        };
        return version.Major == 1;
    }

    /// <summary>Checks a host name or IP literal; <c>${variable}</c> parts are allowed.</summary>
    public static bool TryValidateHost(string host, out string problem)
    {
        problem = string.Empty;
        if (host.Any(char.IsWhiteSpace))
            problem = "contains spaces";
        else if (host.Contains("://", StringComparison.Ordinal))
            problem = "is a URL; give only the host name, e.g. smtp.example.com";
        else if (host.Contains(':', StringComparison.Ordinal) && !IsIPv6Literal(host))
            problem = "includes a port; put the port in \"port\" instead";
        return problem.Length == 0;
    }

    public static bool IsValidEnvironmentVariableName(string name) =>
        name.Length > 0
        && (char.IsAsciiLetter(name[0]) || name[0] == '_')
        && name.All(character => char.IsAsciiLetterOrDigit(character) || character == '_');

    /// <summary>A SASL mechanism name: upper-case letters, digits, '-' and '_' (RFC 4422).</summary>
    public static bool IsValidMechanismName(string mechanism) =>
        mechanism.Length is > 0 and <= 20
        && mechanism.All(character => char.IsAsciiLetterUpper(character) || char.IsAsciiDigit(character) || character is '-' or '_');

    /// <summary>
    /// True when a proxy URL carries a password written out (<c>user:pass@</c>) rather than a <c>${variable}</c>:
    /// refused like any literal secret in a profile.
    /// </summary>
    public static bool HasLiteralProxyPassword(string proxy)
    {
        int scheme = proxy.IndexOf("://", StringComparison.Ordinal);
        string rest = scheme < 0 ? proxy : proxy[(scheme + 3)..];
        int at = rest.LastIndexOf('@');
        if (at < 0) return false;
        string userInfo = rest[..at];
        int colon = userInfo.IndexOf(':');
        if (colon < 0) return false;
        string password = userInfo[(colon + 1)..];
        return password.Length > 0 && !System.Text.RegularExpressions.Regex.IsMatch(password, @"^\$\{[^}]+\}$");
    }

    /// <summary>The URL with any <c>user:pass@</c> part removed, for messages.</summary>
    public static string WithoutUserInfo(string proxy)
    {
        int scheme = proxy.IndexOf("://", StringComparison.Ordinal);
        int start = scheme < 0 ? 0 : scheme + 3;
        int at = proxy.IndexOf('@', start);
        return at < 0 ? proxy : proxy[..start] + "…@" + proxy[(at + 1)..];
    }

    public static bool IsValidProxy(string proxy) =>
        Uri.TryCreate(proxy, UriKind.Absolute, out var uri)
        && ProxySchemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase)
        && uri.Host.Length > 0;

    public static bool IsWebAddress(string address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    /// <summary>Variable names: letters, digits, '_', '-' and '.', starting with a letter or '_'.</summary>
    public static bool IsValidVariableName(string name) =>
        name.Length > 0
        && (char.IsAsciiLetter(name[0]) || name[0] == '_')
        && name.All(character => char.IsAsciiLetterOrDigit(character) || character is '_' or '-' or '.');

    private static bool IsIPv6Literal(string host)
    {
        var candidate = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        return IPAddress.TryParse(candidate, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6;
    }
}
