using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace SmtpConsole.PracticeServer.Tests;

/// <summary>A bare-bones SMTP client for tests that need to misbehave on purpose, with a timeout on every read.</summary>
internal sealed class RawSmtpClient : IAsyncDisposable
{
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(10);

    private readonly TcpClient tcp;
    private readonly byte[] buffer = new byte[64 * 1024];
    private Stream stream;
    private int start;
    private int end;

    private RawSmtpClient(TcpClient tcp)
    {
        this.tcp = tcp;
        stream = tcp.GetStream();
    }

    public static async Task<RawSmtpClient> ConnectAsync(IPEndPoint endPoint)
    {
        var tcp = new TcpClient();
        await tcp.ConnectAsync(endPoint);
        return new RawSmtpClient(tcp);
    }

    /// <summary>Connects and reads the 220 greeting.</summary>
    public static async Task<RawSmtpClient> ConnectAndGreetAsync(IPEndPoint endPoint)
    {
        var client = await ConnectAsync(endPoint);
        Assert.StartsWith("220 ", await client.ReadReplyAsync());
        return client;
    }

    public Task WriteAsync(string text) => WriteAsync(Encoding.UTF8.GetBytes(text));

    public async Task WriteAsync(byte[] bytes)
    {
        await stream.WriteAsync(bytes);
        await stream.FlushAsync();
    }

    /// <summary>Sends a line (CRLF added) and returns the reply.</summary>
    public async Task<string> CommandAsync(string line)
    {
        await WriteAsync(line + "\r\n");
        return await ReadReplyAsync();
    }

    /// <summary>Reads one complete (possibly multi-line) reply; lines joined with LF, without CRLF.</summary>
    public async Task<string> ReadReplyAsync()
    {
        var lines = new List<string>();
        while (true)
        {
            var line = await ReadLineAsync() ?? throw new IOException($"Connection closed after: {string.Join("|", lines)}");
            lines.Add(line);
            if (line.Length < 4 || line[3] != '-')
            {
                return string.Join("\n", lines);
            }
        }
    }

    /// <summary>True when the server closes the connection (rather than sending more) within the read timeout.</summary>
    public async Task<bool> IsClosedByServerAsync()
    {
        try
        {
            return await ReadLineAsync() is null;
        }
        catch (IOException)
        {
            return true;
        }
    }

    /// <summary>TLS handshake that trusts only <paramref name="trusted"/>.</summary>
    public async Task StartTlsAsync(X509Certificate2 trusted)
    {
        var tls = new SslStream(stream, leaveInnerStreamOpen: false, (_, certificate, _, _) => PracticeCertificate.IsSameCertificate(trusted, certificate));
        await tls.AuthenticateAsClientAsync("localhost");
        stream = tls;
        start = end = 0;
    }

    public async ValueTask DisposeAsync()
    {
        await stream.DisposeAsync();
        tcp.Dispose();
    }

    private async Task<string?> ReadLineAsync()
    {
        var line = new List<byte>();
        while (true)
        {
            if (start == end)
            {
                using var timeout = new CancellationTokenSource(ReadTimeout);
                end = await stream.ReadAsync(buffer, timeout.Token);
                start = 0;
                if (end == 0)
                {
                    return line.Count == 0 ? null : Encoding.UTF8.GetString([.. line]);
                }
            }

            var b = buffer[start++];
            if (b == '\n')
            {
                return Encoding.UTF8.GetString([.. line]).TrimEnd('\r');
            }

            line.Add(b);
        }
    }
}
