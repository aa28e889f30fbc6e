using SmtpConsole.Core.Messages;
using System.Globalization;

namespace SmtpConsole.Core.Proxy;

/// <summary>A parsed proxy URL: <c>socks5://[user:pass@]host:port</c> (also socks5h) or <c>http://[user:pass@]host:port</c>.</summary>
public sealed record ProxyAddress(ProxyKind Kind, string Host, int Port, string? User, string? Password)
{
    /// <summary>"SOCKS5 proxy 127.0.0.1:1080": never the credentials.</summary>
    public string Display => ProxyErrorMessages.Display(Kind == ProxyKind.Socks5 ? "SOCKS5" : "HTTP", HostPort);

    /// <summary>The URL without credentials, safe for transcripts and history.</summary>
    public string SafeUrl => $"{(Kind == ProxyKind.Socks5 ? "socks5" : "http")}://{HostPort}";

    public bool HasCredentials => User is not null;

    internal string HostPort => string.Create(CultureInfo.InvariantCulture, $"{(Host.Contains(':') ? "[" + Host + "]" : Host)}:{Port}");

    /// <summary>Parses a proxy URL; false with the reason when it is not one this console can use.</summary>
    public static bool TryParse(Uri? uri, out ProxyAddress? address, out string? problem)
    {
        address = null;
        if (uri is null || !uri.IsAbsoluteUri)
        {
            problem = ProxyErrorMessages.NotAUrl;
            return false;
        }
        ProxyKind? kind = uri.Scheme.ToLowerInvariant() switch
        {
            "socks5" or "socks5h" => ProxyKind.Socks5,
            "http" => ProxyKind.HttpConnect,
            _ => null,
        };
        if (kind is null)
        {
            problem = ProxyErrorMessages.UnsupportedScheme(uri.Scheme);
            return false;
        }
        if (string.IsNullOrEmpty(uri.Host))
        {
            problem = ProxyErrorMessages.NoHost;
            return false;
        }
        // An explicit :0 is a mistake, not "the default": nothing listens there, and 1080 in its place would be a guess.
        if (uri.Port == 0)
        {
            problem = ProxyErrorMessages.PortZero;
            return false;
        }
        // socks5 has no registered default port, so Uri reports -1: 1080 is the SOCKS convention. http:// defaults to 80.
        int port = uri.Port > 0 ? uri.Port : 1080;
        string? user = null, password = null;
        if (uri.UserInfo.Length > 0)
        {
            int colon = uri.UserInfo.IndexOf(':');
            user = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            password = colon < 0 ? string.Empty : Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
        }
        address = new ProxyAddress(kind.Value, uri.Host.Trim('[', ']'), port, user, password);
        problem = null;
        return true;
    }

    /// <summary>Parses text as a proxy URL (as given to --proxy or in a profile).</summary>
    public static bool TryParse(string? text, out ProxyAddress? address, out string? problem)
    {
        Uri.TryCreate(text?.Trim(), UriKind.Absolute, out var uri);
        return TryParse(uri, out address, out problem);
    }

    /// <summary>The URL with any credentials removed.</summary>
    public static string Redact(Uri uri) => TryParse(uri, out var address, out _) ? address!.SafeUrl : uri.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped);
}
