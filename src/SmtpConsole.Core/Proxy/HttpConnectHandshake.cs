using SmtpConsole.Core.Messages;
using System.Globalization;
using System.Text;

namespace SmtpConsole.Core.Proxy;

/// <summary>The client side of an HTTP proxy's CONNECT tunnel, with optional Basic proxy authentication.</summary>
internal static class HttpConnectHandshake
{
    private const int MaxResponseHeader = 16 * 1024;

    public static async Task RunAsync(Stream stream, ProxyAddress proxy, string host, int port, Action<string>? progress, CancellationToken ct)
    {
        string target = ProxyConnector.FormatTarget(host, port);
        var request = new StringBuilder();
        request.Append("CONNECT ").Append(target).Append(" HTTP/1.1\r\n");
        request.Append("Host: ").Append(target).Append("\r\n");
        if (proxy.HasCredentials)
        {
            string basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(proxy.User + ":" + proxy.Password));
            request.Append("Proxy-Authorization: Basic ").Append(basic).Append("\r\n");
        }
        request.Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request.ToString()), ct).ConfigureAwait(false);
        progress?.Invoke(proxy.HasCredentials ? Messages.ProxyMessages.HttpConnectWithCredentials(target) : Messages.ProxyMessages.HttpConnect(target));

        var lines = await ReadHeaderAsync(stream, proxy, ct).ConfigureAwait(false);
        string statusLine = lines[0];
        var parts = statusLine.Split(' ', 3);
        if (parts.Length < 2 || !parts[0].StartsWith("HTTP/", StringComparison.Ordinal) || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int status))
            throw new ProxyConnectionException(ProxyErrorMessages.NotHttp(proxy.Display, Printable(statusLine)));
        string reason = parts.Length > 2 ? parts[2] : string.Empty;
        progress?.Invoke(ProxyErrorMessages.HttpStatus(status.ToString(CultureInfo.InvariantCulture), Printable(reason)));
        if (status is >= 200 and < 300) return;

        string? challenge = lines.Skip(1).FirstOrDefault(l => l.StartsWith("Proxy-Authenticate:", StringComparison.OrdinalIgnoreCase))?["Proxy-Authenticate:".Length..].Trim();
        string message = status switch
        {
            407 when proxy.HasCredentials => ProxyErrorMessages.HttpBadCredentials(proxy.Display),
            407 => ProxyErrorMessages.HttpNeedsCredentials(proxy.Display, challenge is null ? string.Empty : ProxyErrorMessages.HttpAsksFor(Printable(challenge)), proxy.SafeUrl["http://".Length..]),
            403 => ProxyErrorMessages.HttpForbidden(proxy.Display, target, Printable(reason), port.ToString(CultureInfo.InvariantCulture)),
            502 or 503 or 504 => ProxyErrorMessages.HttpUnreachable(proxy.Display, target, status.ToString(CultureInfo.InvariantCulture), Printable(reason)),
            _ => ProxyErrorMessages.HttpRefused(proxy.Display, target, status.ToString(CultureInfo.InvariantCulture), Printable(reason)),
        };
        throw new ProxyConnectionException(message);
    }

    /// <summary>Reads up to the blank line byte by byte: anything after it is already the SMTP server's greeting.</summary>
    private static async Task<List<string>> ReadHeaderAsync(Stream stream, ProxyAddress proxy, CancellationToken ct)
    {
        var bytes = new List<byte>();
        byte[] one = new byte[1];
        while (true)
        {
            int n = await stream.ReadAsync(one, ct).ConfigureAwait(false);
            if (n == 0)
                throw new ProxyConnectionException(bytes.Count == 0
                    ? ProxyErrorMessages.HttpClosedBeforeAnswer(proxy.Display)
                    : ProxyErrorMessages.HttpClosedMidAnswer(proxy.Display));
            bytes.Add(one[0]);
            int c = bytes.Count;
            if (c >= 4 && bytes[c - 4] == '\r' && bytes[c - 3] == '\n' && bytes[c - 2] == '\r' && bytes[c - 1] == '\n') break;
            if (c >= 2 && bytes[c - 2] == '\n' && bytes[c - 1] == '\n') break;
            if (c > MaxResponseHeader) throw new ProxyConnectionException(ProxyErrorMessages.HttpEndlessAnswer(proxy.Display));
        }
        string text = Encoding.Latin1.GetString(bytes.ToArray());
        return text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
    }

    private static string Printable(string text) => Protocol.ServerText.Neutralize(text);
}
