using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace SmtpConsole.Core.Tests.Support;

/// <summary>
/// An in-process server on 127.0.0.1 that runs one scripted conversation per connection: the hostile and edge
/// cases a real server can't be made to produce (garbage, split bytes, injection, silence).
/// </summary>
public sealed class ScriptedSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly Func<ServerConnection, Task> _script;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private readonly List<Task> _connections = [];

    public ScriptedSmtpServer(Func<ServerConnection, Task> script)
    {
        _script = script;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Everything any connection received, in order (after TLS too).</summary>
    public List<string> Received { get; } = [];

    /// <summary>Exceptions thrown by the script (assert on them to catch broken tests).</summary>
    public List<Exception> Failures { get; } = [];

    public static X509Certificate2 CreateCertificate(string name = "localhost", DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName(name);
        if (name == "localhost") san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var cert = request.CreateSelfSigned(notBefore ?? DateTimeOffset.UtcNow.AddHours(-1), notAfter ?? DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(cert.Export(X509ContentType.Pkcs12), null);
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                lock (_connections) _connections.Add(RunAsync(client));
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (SocketException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private async Task RunAsync(TcpClient client)
    {
        using (client)
        {
            var connection = new ServerConnection(client, this);
            try
            {
                await _script(connection);
            }
            catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
            {
                // The client went away; that is often the point of the test.
            }
            catch (Exception ex)
            {
                lock (Failures) Failures.Add(ex);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        await _accepting;
        Task[] running;
        lock (_connections) running = [.. _connections];
        await Task.WhenAny(Task.WhenAll(running), Task.Delay(2000));
    }

    /// <summary>One accepted connection as the script sees it.</summary>
    public sealed class ServerConnection
    {
        private readonly TcpClient _client;
        private readonly ScriptedSmtpServer _server;
        private Stream _stream;
        private readonly List<byte> _pending = [];

        internal ServerConnection(TcpClient client, ScriptedSmtpServer server)
        {
            _client = client;
            _client.NoDelay = true;
            _server = server;
            _stream = client.GetStream();
        }

        public Task SendAsync(string text) => SendBytesAsync(Encoding.UTF8.GetBytes(text));

        public async Task SendBytesAsync(byte[] bytes)
        {
            await _stream.WriteAsync(bytes);
            await _stream.FlushAsync();
        }

        /// <summary>Sends each byte in its own write with a pause, like a slow or fragmenting network.</summary>
        public async Task SendSlowlyAsync(string text, TimeSpan perByte)
        {
            foreach (byte b in Encoding.UTF8.GetBytes(text))
            {
                await _stream.WriteAsync(new[] { b });
                await _stream.FlushAsync();
                if (perByte > TimeSpan.Zero) await Task.Delay(perByte);
            }
        }

        /// <summary>Reads one CRLF line (without it); null at end of stream.</summary>
        public async Task<string?> ReadLineAsync(TimeSpan? timeout = null)
        {
            using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
            var buffer = new byte[4096];
            while (true)
            {
                int lf = _pending.IndexOf((byte)'\n');
                if (lf >= 0)
                {
                    string line = Encoding.UTF8.GetString(_pending.GetRange(0, lf).ToArray()).TrimEnd('\r');
                    _pending.RemoveRange(0, lf + 1);
                    lock (_server.Received) _server.Received.Add(line);
                    return line;
                }
                int n = await _stream.ReadAsync(buffer, cts.Token);
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
                int n = await _stream.ReadAsync(buffer);
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
                while ((n = await _stream.ReadAsync(buffer, cts.Token)) > 0) _pending.AddRange(buffer[..n]);
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
            while (await ReadLineAsync() is { } line && line != ".") lines.Add(line);
            return lines;
        }

        /// <summary>Answers each command with the reply the function gives until it returns null.</summary>
        public async Task ServeAsync(Func<string, string?> reply)
        {
            while (await ReadLineAsync() is { } line)
            {
                string? answer = reply(line);
                if (answer is null) return;
                await SendAsync(answer);
            }
        }

        public async Task StartTlsAsync(X509Certificate2 certificate)
        {
            var ssl = new SslStream(_stream, leaveInnerStreamOpen: false);
            await ssl.AuthenticateAsServerAsync(certificate);
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
                while (await _stream.ReadAsync(buffer, cts.Token) > 0)
                {
                }
            }
            catch (OperationCanceledException)
            {
            }
        }
    }
}
