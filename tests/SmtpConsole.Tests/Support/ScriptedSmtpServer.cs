using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace SmtpConsole.Tests.Support;

/// <summary>
/// An in-process SMTP server on 127.0.0.1, port 0, that answers from a list of canned replies: the first is the
/// greeting, then one per command line received. After a reply starting with 354 it reads message body lines
/// (kept exactly as they came off the wire, dot-stuffing included) up to the lone '.', then sends the next reply.
/// After a 220 reply to STARTTLS it upgrades to TLS with its own self-signed <see cref="Certificate"/>.
/// One connection at a time; what the client sent is kept for assertions.
/// </summary>
public sealed class ScriptedSmtpServer : IAsyncDisposable, IDisposable
{
    private readonly TcpListener _listener;
    private readonly ConcurrentQueue<ScriptedReply> _replies;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly ConcurrentQueue<string> _commands = new();
    private readonly ConcurrentQueue<IReadOnlyList<string>> _bodies = new();

    private ScriptedSmtpServer(IEnumerable<ScriptedReply> replies)
    {
        _replies = new ConcurrentQueue<ScriptedReply>(replies);
        Certificate = CreateCertificate();
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _loop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>The self-signed certificate used after STARTTLS (pin it in the client).</summary>
    public X509Certificate2 Certificate { get; }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Command lines received, in order (without CRLF).</summary>
    public IReadOnlyList<string> Commands => [.. _commands];

    /// <summary>Message bodies received: each the raw lines between the 354 and the lone '.' (exclusive).</summary>
    public IReadOnlyList<IReadOnlyList<string>> Bodies => [.. _bodies];

    /// <summary>Everything received, as text, for "never contains the secret" checks.</summary>
    public string AllReceived => string.Join('\n', _commands.Concat(_bodies.SelectMany(b => b)));

    public static ScriptedSmtpServer Start(params ScriptedReply[] replies) => new(replies);

    /// <summary>Waits until <paramref name="count"/> commands arrived (or the timeout passed).</summary>
    public async Task<bool> WaitForCommandsAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (_commands.Count < count)
        {
            if (DateTime.UtcNow > deadline) return false;
            await Task.Delay(10).ConfigureAwait(false);
        }
        return true;
    }

    /// <summary>For synchronous tests (UI tests stay on one thread, so they never await).</summary>
    /// <remarks>Runs on the thread pool: a UI test thread carries Terminal.Gui's main-loop context, which no loop drains.</remarks>
    public void Dispose() => Task.Run(() => DisposeAsync().AsTask()).GetAwaiter().GetResult();

    /// <summary>Blocking form of <see cref="WaitForCommandsAsync"/>.</summary>
    public bool WaitForCommands(int count, TimeSpan timeout) => Task.Run(() => WaitForCommandsAsync(count, timeout)).GetAwaiter().GetResult();

    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested) return;
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        try
        {
            await _loop.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or TimeoutException or SocketException or IOException or ObjectDisposedException)
        {
            // Stopping: whatever the connection was doing no longer matters.
        }
        Certificate.Dispose();
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            using (client)
            {
                try
                {
                    await ServeAsync(client.GetStream(), _stop.Token).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is IOException or OperationCanceledException or AuthenticationException or ObjectDisposedException)
                {
                    // The client went away or the test ended.
                }
            }
        }
    }

    private async Task ServeAsync(Stream stream, CancellationToken ct)
    {
        var reader = new LineReader(stream);
        if (!await ReplyAsync(stream, ct).ConfigureAwait(false)) return;
        while (!ct.IsCancellationRequested)
        {
            string? line = await reader.ReadLineAsync(ct).ConfigureAwait(false);
            if (line is null) return;
            _commands.Enqueue(line);
            if (!_replies.TryPeek(out var next)) return;
            bool startTls = line.Equals("STARTTLS", StringComparison.OrdinalIgnoreCase) && next.Text?.StartsWith("220", StringComparison.Ordinal) == true;
            bool data = next.Text?.StartsWith("354", StringComparison.Ordinal) == true;
            if (!await ReplyAsync(stream, ct).ConfigureAwait(false)) return;
            if (startTls)
            {
                var tls = new SslStream(stream, leaveInnerStreamOpen: false);
                await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = Certificate }, ct).ConfigureAwait(false);
                stream = tls;
                reader = new LineReader(stream);
            }
            if (data)
            {
                var body = new List<string>();
                string? bodyLine;
                while ((bodyLine = await reader.ReadLineAsync(ct).ConfigureAwait(false)) is not null && bodyLine != ".") body.Add(bodyLine);
                _bodies.Enqueue(body);
                if (bodyLine is null) return;
                if (!await ReplyAsync(stream, ct).ConfigureAwait(false)) return;
            }
        }
    }

    /// <summary>Sends the next canned reply; false when the script is exhausted or says to stay silent.</summary>
    private async Task<bool> ReplyAsync(Stream stream, CancellationToken ct)
    {
        if (!_replies.TryDequeue(out var reply)) return false;
        if (reply.Delay > TimeSpan.Zero) await Task.Delay(reply.Delay, ct).ConfigureAwait(false);
        if (reply.Text is null)
        {
            await Task.Delay(Timeout.Infinite, ct).ConfigureAwait(false);
            return false;
        }
        var bytes = Encoding.UTF8.GetBytes(string.Concat(reply.Text.Split('\n').Select(l => l + "\r\n")));
        await stream.WriteAsync(bytes, ct).ConfigureAwait(false);
        await stream.FlushAsync(ct).ConfigureAwait(false);
        return true;
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=scripted.test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("scripted.test");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        // Re-import so the private key is usable by SslStream on every platform.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }

    /// <summary>Reads CRLF-terminated lines byte by byte, so nothing after a STARTTLS line is swallowed by a buffer.</summary>
    private sealed class LineReader(Stream stream)
    {
        private readonly byte[] _one = new byte[1];

        public async Task<string?> ReadLineAsync(CancellationToken ct)
        {
            var bytes = new List<byte>();
            while (true)
            {
                int n = await stream.ReadAsync(_one, ct).ConfigureAwait(false);
                if (n == 0) return bytes.Count == 0 ? null : Encoding.UTF8.GetString([.. bytes]);
                if (_one[0] == '\n')
                {
                    if (bytes.Count > 0 && bytes[^1] == '\r') bytes.RemoveAt(bytes.Count - 1);
                    return Encoding.UTF8.GetString([.. bytes]);
                }
                bytes.Add(_one[0]);
            }
        }
    }
}
