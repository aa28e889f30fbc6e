using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace SmtpConsole.IntegrationTests.Breadth;

/// <summary>A minimal HTTP proxy that only does CONNECT, with optional Basic auth and a port rule.</summary>
public sealed class TestHttpConnectProxy : RelayProxy
{
    protected override async Task<Socket?> HandshakeAsync(NetworkStream client, CancellationToken ct)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        byte[] one = new byte[1];
        while (await client.ReadAsync(one, ct) == 1)
        {
            if (one[0] == '\n')
            {
                string text = line.ToString().TrimEnd('\r');
                if (text.Length == 0) break;
                lines.Add(text);
                line.Clear();
            }
            else
            {
                line.Append((char)one[0]);
            }
        }
        var request = lines[0].Split(' ');
        string target = request[1];
        int colon = target.LastIndexOf(':');
        string host = target[..colon].Trim('[', ']');
        int port = int.Parse(target[(colon + 1)..], CultureInfo.InvariantCulture);
        Record(host, port);
        if (RequiredUser is not null)
        {
            string expected = "Proxy-Authorization: Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(RequiredUser + ":" + RequiredPassword));
            if (!lines.Contains(expected))
            {
                await SendAsync(client, "HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test\"\r\nContent-Length: 0\r\n\r\n", ct);
                return null;
            }
        }
        if (AllowedPorts is not null && !AllowedPorts.Contains(port))
        {
            await SendAsync(client, "HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n", ct);
            return null;
        }
        var upstream = await DialAsync(host, port, ct);
        if (upstream is null)
        {
            await SendAsync(client, "HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n", ct);
            return null;
        }
        await SendAsync(client, "HTTP/1.1 200 Connection established\r\n\r\n", ct);
        return upstream;
    }

    private static Task SendAsync(Stream stream, string text, CancellationToken ct) => stream.WriteAsync(Encoding.ASCII.GetBytes(text), ct).AsTask();
}
