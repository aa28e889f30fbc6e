using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace SmtpConsole.Testing;

/// <summary>
/// An in-process server on 127.0.0.1, port 0, for the hostile and edge cases a real server can't be made to produce
/// (garbage, split bytes, injection, silence, canned TUI dialogues). Two forms: a script delegate run for every
/// connection (<see cref="ScriptedSmtpServer(Func{ServerConnection, Task})"/>), or a list of canned replies
/// (<see cref="Start"/>), which is an adapter that runs one such script.
/// </summary>
public sealed class ScriptedSmtpServer : IAsyncDisposable, IDisposable
{
    private readonly TcpListener _listener;
    private readonly Func<ServerConnection, Task> _script;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private readonly List<Task> _connections = [];
    private readonly Lazy<X509Certificate2> _certificate = new(() => TestCertificateFactory.Create("scripted.test", includeLoopbackAddress: true));
    private readonly ConcurrentQueue<string> _commands = new();
    private readonly ConcurrentQueue<IReadOnlyList<string>> _bodies = new();
    private int _disposed;

    public ScriptedSmtpServer(Func<ServerConnection, Task> script)
    {
        _script = script;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        // On the thread pool: a UI test thread carries Terminal.Gui's main-loop context, which no loop drains.
        _accepting = Task.Run(AcceptAsync);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Every line any connection read, in order (after TLS too, message bodies included).</summary>
    public List<string> Received { get; } = [];

    /// <summary>Exceptions thrown by the script (assert on them to catch broken tests).</summary>
    public List<Exception> Failures { get; } = [];

    /// <summary>The self-signed certificate the canned-reply form uses after STARTTLS (pin it in the client).</summary>
    public X509Certificate2 Certificate => _certificate.Value;

    /// <summary>Canned-reply form: command lines received, in order (without CRLF).</summary>
    public IReadOnlyList<string> Commands => [.. _commands];

    /// <summary>Canned-reply form: message bodies received, each the raw lines between the 354 and the lone '.'.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Bodies => [.. _bodies];

    /// <summary>Canned-reply form: everything received, as text, for "never contains the secret" checks.</summary>
    public string AllReceived => string.Join('\n', _commands.Concat(_bodies.SelectMany(b => b)));

    /// <summary>
    /// A server that answers from canned replies: the first is the greeting, then one per command line. After a 354
    /// it reads the body (kept as it came off the wire, dot-stuffing included) up to the lone '.', then sends the next
    /// reply; after a 220 to STARTTLS it upgrades to TLS with <see cref="Certificate"/>. One conversation at a time;
    /// when the replies run out the connection is closed.
    /// </summary>
    public static ScriptedSmtpServer Start(params ScriptedReply[] replies)
    {
        var conversation = new CannedConversation(replies);
        return new ScriptedSmtpServer(conversation.RunAsync);
    }

    /// <summary>
    /// A canned-reply server that greets, offers STARTTLS in its EHLO reply and accepts it (then TLS with
    /// <see cref="Certificate"/>, named scripted.test), then answers with <paramref name="afterTls"/>.
    /// </summary>
    public static ScriptedSmtpServer StartTls(params ScriptedReply[] afterTls) => Start(
        [
            "220 scripted.test ESMTP",
            "250-scripted.test\n250-STARTTLS\n250 SIZE 1000",
            "220 2.0.0 Ready to start TLS",
            .. afterTls,
        ]);

    public static X509Certificate2 CreateCertificate(string name = "localhost", DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null) =>
        TestCertificateFactory.Create(name, notBefore, notAfter);

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

    /// <summary>Blocking form of <see cref="WaitForCommandsAsync"/> (UI tests stay on one thread and never await).</summary>
    public bool WaitForCommands(int count, TimeSpan timeout) => Task.Run(() => WaitForCommandsAsync(count, timeout)).GetAwaiter().GetResult();

    /// <summary>For synchronous tests; runs on the thread pool for the same reason as the accept loop.</summary>
    public void Dispose() => Task.Run(() => DisposeAsync().AsTask()).GetAwaiter().GetResult();

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        await _accepting.ConfigureAwait(false);
        Task[] running;
        lock (_connections) running = [.. _connections];
        await Task.WhenAny(Task.WhenAll(running), Task.Delay(2000)).ConfigureAwait(false);
        if (_certificate.IsValueCreated) _certificate.Value.Dispose();
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
                lock (_connections) _connections.Add(Task.Run(() => RunAsync(client)));
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopping.
        }
    }

    private async Task RunAsync(TcpClient client)
    {
        using (client)
        {
            var connection = new ServerConnection(client, this);
            try
            {
                await _script(connection).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException or AuthenticationException)
            {
                // The client went away or the test ended; that is often the point of the test.
            }
            catch (Exception ex)
            {
                lock (Failures) Failures.Add(ex);
            }
        }
    }

    /// <summary>The canned-reply form as a script: replies are shared by all connections, served one at a time.</summary>
    private sealed class CannedConversation(IEnumerable<ScriptedReply> replies)
    {
        private readonly ConcurrentQueue<ScriptedReply> _replies = new(replies);
        private readonly SemaphoreSlim _oneAtATime = new(1, 1);

        public async Task RunAsync(ServerConnection c)
        {
            await _oneAtATime.WaitAsync(c.Stopping).ConfigureAwait(false);
            try
            {
                await ConverseAsync(c).ConfigureAwait(false);
            }
            finally
            {
                _oneAtATime.Release();
            }
        }

        private async Task ConverseAsync(ServerConnection c)
        {
            if (!await ReplyAsync(c).ConfigureAwait(false)) return;
            while (await c.ReadLineAsync(Timeout.InfiniteTimeSpan).ConfigureAwait(false) is { } line)
            {
                c.Server._commands.Enqueue(line);
                if (!_replies.TryPeek(out var next)) return;
                bool startTls = line.Equals("STARTTLS", StringComparison.OrdinalIgnoreCase) && next.Text?.StartsWith("220", StringComparison.Ordinal) == true;
                bool data = next.Text?.StartsWith("354", StringComparison.Ordinal) == true;
                if (!await ReplyAsync(c).ConfigureAwait(false)) return;
                if (startTls) await c.StartTlsAsync(c.Server.Certificate).ConfigureAwait(false);
                if (data)
                {
                    var body = new List<string>();
                    string? bodyLine;
                    while ((bodyLine = await c.ReadLineAsync(Timeout.InfiniteTimeSpan).ConfigureAwait(false)) is not null && bodyLine != ".") body.Add(bodyLine);
                    c.Server._bodies.Enqueue(body);
                    if (bodyLine is null || !await ReplyAsync(c).ConfigureAwait(false)) return;
                }
            }
        }

        /// <summary>Sends the next canned reply; false when the replies ran out or one says to stay silent.</summary>
        private async Task<bool> ReplyAsync(ServerConnection c)
        {
            if (!_replies.TryDequeue(out var reply)) return false;
            if (reply.Delay > TimeSpan.Zero) await Task.Delay(reply.Delay, c.Stopping).ConfigureAwait(false);
            if (reply.Text is null)
            {
                await Task.Delay(Timeout.Infinite, c.Stopping).ConfigureAwait(false);
                return false;
            }
            await c.SendAsync(string.Concat(reply.Text.Split('\n').Select(l => l + "\r\n"))).ConfigureAwait(false);
            return true;
        }
    }

    /// <summary>One accepted connection as the script sees it.</summary>
    public sealed class ServerConnection
    {
        private readonly TcpClient _client;
        private Stream _stream;
        private readonly List<byte> _pending = [];

        internal ServerConnection(TcpClient client, ScriptedSmtpServer server)
        {
            _client = client;
            _client.NoDelay = true;
            Server = server;
            _stream = client.GetStream();
        }

        public ScriptedSmtpServer Server { get; }

        /// <summary>Cancelled when the server is disposed: a script that waits on it ends with the test.</summary>
        public CancellationToken Stopping => Server._stop.Token;

        public Task SendAsync(string text) => SendBytesAsync(Encoding.UTF8.GetBytes(text));

        public async Task SendBytesAsync(byte[] bytes)
        {
            await _stream.WriteAsync(bytes, Stopping).ConfigureAwait(false);
            await _stream.FlushAsync(Stopping).ConfigureAwait(false);
        }

        /// <summary>Sends each byte in its own write with a pause, like a slow or fragmenting network.</summary>
        public async Task SendSlowlyAsync(string text, TimeSpan perByte)
        {
            foreach (byte b in Encoding.UTF8.GetBytes(text))
            {
                await _stream.WriteAsync(new[] { b }).ConfigureAwait(false);
                await _stream.FlushAsync().ConfigureAwait(false);
                if (perByte > TimeSpan.Zero) await Task.Delay(perByte).ConfigureAwait(false);
            }
        }

        /// <summary>Reads one CRLF line (without it); null at end of stream. Gives up after 10 s unless told otherwise
        /// (<see cref="Timeout.InfiniteTimeSpan"/>: only when the server stops).</summary>
        public async Task<string?> ReadLineAsync(TimeSpan? timeout = null)
        {
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(Stopping);
            if (timeout != Timeout.InfiniteTimeSpan) cts.CancelAfter(timeout ?? TimeSpan.FromSeconds(10));
            var buffer = new byte[4096];
            while (true)
            {
                int lf = _pending.IndexOf((byte)'\n');
                if (lf >= 0)
                {
                    string line = Encoding.UTF8.GetString(_pending.GetRange(0, lf).ToArray()).TrimEnd('\r');
                    _pending.RemoveRange(0, lf + 1);
                    lock (Server.Received) Server.Received.Add(line);
                    return line;
                }
                int n = await _stream.ReadAsync(buffer, cts.Token).ConfigureAwait(false);
                if (n == 0) return null;
                _pending.AddRange(buffer[..n]);
            }
        }

        /// <summary>Reads exactly <paramref name="count"/> bytes (for BDAT).</summary>
        public async Task<byte[]> ReadBytesAsync(int count)
        {
            var buffer = new byte[4096];
            while (_pending.Count < count)
            {
                int n = await _stream.ReadAsync(buffer).ConfigureAwait(false);
                if (n == 0) break;
                _pending.AddRange(buffer[..n]);
            }
            var result = _pending.GetRange(0, Math.Min(count, _pending.Count)).ToArray();
            _pending.RemoveRange(0, result.Length);
            return result;
        }

        /// <summary>Every byte the client sends from now until it closes (or the timeout): "nothing more was sent" checks.</summary>
        public async Task<byte[]> ReadToEndAsync(TimeSpan timeout)
        {
            using var cts = new CancellationTokenSource(timeout);
            var buffer = new byte[4096];
            try
            {
                int n;
                while ((n = await _stream.ReadAsync(buffer, cts.Token).ConfigureAwait(false)) > 0) _pending.AddRange(buffer[..n]);
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException)
            {
                // Timeout or reset: what arrived so far is the answer.
            }
            var all = _pending.ToArray();
            _pending.Clear();
            return all;
        }

        /// <summary>Reads lines until a lone '.', returning the body lines as received (still stuffed).</summary>
        public async Task<List<string>> ReadDataAsync()
        {
            var lines = new List<string>();
            while (await ReadLineAsync().ConfigureAwait(false) is { } line && line != ".") lines.Add(line);
            return lines;
        }

        /// <summary>Answers each command with the reply the function gives until it returns null.</summary>
        public async Task ServeAsync(Func<string, string?> reply)
        {
            while (await ReadLineAsync().ConfigureAwait(false) is { } line)
            {
                string? answer = reply(line);
                if (answer is null) return;
                await SendAsync(answer).ConfigureAwait(false);
            }
        }

        /// <summary>Upgrades to TLS as the server; anything the client sent before the handshake is discarded.</summary>
        public async Task StartTlsAsync(X509Certificate2 certificate)
        {
            var ssl = new SslStream(_stream, leaveInnerStreamOpen: false);
            await ssl.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = certificate }, Stopping).ConfigureAwait(false);
            _stream = ssl;
            _pending.Clear();
        }

        public void Close() => _client.Client.Close();

        /// <summary>Waits until the client closes, so the script doesn't close first by accident.</summary>
        public async Task WaitForCloseAsync(TimeSpan timeout)
        {
            var buffer = new byte[1024];
            using var cts = new CancellationTokenSource(timeout);
            try
            {
                while (await _stream.ReadAsync(buffer, cts.Token).ConfigureAwait(false) > 0)
                {
                }
            }
            catch (OperationCanceledException)
            {
            }
        }
    }
}
