using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;
using SmtpConsole.Core.Net;
using SmtpConsole.Core.Messages;
using SmtpConsole.Core.Protocol;

namespace SmtpConsole.Core.Session;

/// <summary>
/// The byte pipe under a session: a socket, optionally wrapped in TLS, read through a <see cref="PipeReader"/> and
/// parsed by <see cref="ReplyParser"/>. It knows nothing of commands or phases.
/// </summary>
public sealed class SmtpConnection : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly QuickAckNetworkStream _network;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly Encoding? _fallbackEncoding;
    private Stream _stream;
    private PipeReader _reader;
    private ReplyParser _parser;

    private SmtpConnection(Socket socket, Encoding? fallbackEncoding)
    {
        _socket = socket;
        _network = new QuickAckNetworkStream(socket);
        _stream = _network;
        _fallbackEncoding = fallbackEncoding;
        _reader = PipeReader.Create(_stream, new StreamPipeReaderOptions(bufferSize: 16 * 1024, leaveOpen: true));
        _parser = new ReplyParser(fallbackEncoding: fallbackEncoding);
    }

    public EndPoint? RemoteEndPoint => _socket.RemoteEndPoint;

    public SslStream? Tls => _stream as SslStream;

    /// <summary>Resolves the host and connects to the first address that answers within the timeout.</summary>
    public static async Task<SmtpConnection> OpenAsync(string host, int port, TimeSpan timeout, Encoding? fallbackEncoding, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        IPAddress[] addresses;
        string literal = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        if (IPAddress.TryParse(literal, out var ip))
        {
            addresses = [ip];
        }
        else
        {
            try
            {
                addresses = await Dns.GetHostAddressesAsync(host, deadline.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is SocketException or ArgumentException)
            {
                throw new SmtpConnectionException(SessionMessages.CannotResolve(host, ex.Message), ex);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                throw new SmtpConnectionException(SessionMessages.ResolveTimeout(host, Seconds(timeout)));
            }
            if (addresses.Length == 0) throw new SmtpConnectionException(SessionMessages.NoAddresses(host));
        }

        var failures = new List<string>();
        var socket = await TcpDialer.ConnectFirstAsync(addresses, port, deadline.Token, ct,
            (address, ex) => SessionMessages.EndPointProblem(FormatEndPoint(address, port), DescribeSocketError(ex)),
            address => SessionMessages.NoAnswer(FormatEndPoint(address, port), Seconds(timeout)),
            failures).ConfigureAwait(false);
        if (socket is not null) return new SmtpConnection(socket, fallbackEncoding);
        throw new SmtpConnectionException(SessionMessages.CannotConnect(string.Join("; ", failures)));
    }

    /// <summary>
    /// As <see cref="OpenAsync(string, int, TimeSpan, Encoding?, CancellationToken)"/>, through a proxy when one is
    /// given; <paramref name="progress"/> hears each proxy step (never its credentials).
    /// </summary>
    public static async Task<SmtpConnection> OpenAsync(string host, int port, TimeSpan timeout, Encoding? fallbackEncoding, Proxy.ProxyAddress? proxy, Action<string>? progress, CancellationToken ct)
    {
        if (proxy is null) return await OpenAsync(host, port, timeout, fallbackEncoding, ct).ConfigureAwait(false);
        try
        {
            var socket = await Proxy.ProxyConnector.ConnectAsync(proxy, host.Trim('[', ']'), port, timeout, progress, ct).ConfigureAwait(false);
            return new SmtpConnection(socket, fallbackEncoding);
        }
        catch (Proxy.ProxyConnectionException ex)
        {
            throw new SmtpConnectionException(ex.Message, ex.InnerException);
        }
    }

    /// <summary>
    /// Reads the next complete reply; null when the server closed the connection cleanly between replies. A ValueTask:
    /// most replies of a pipelined group are already buffered, and a Task per reply was an allocation for nothing.
    /// </summary>
    public async ValueTask<SmtpReply?> ReadReplyAsync(CancellationToken ct)
    {
        while (true)
        {
            ReadResult result;
            try
            {
                result = await _reader.ReadAsync(ct).ConfigureAwait(false);
            }
            catch (IOException ex)
            {
                return _parser.Complete(ReadOnlySequence<byte>.Empty) ?? throw new SmtpConnectionException(SessionMessages.ConnectionLost(ex.InnerException?.Message ?? ex.Message), ex);
            }
            var buffer = result.Buffer;
            if (_parser.TryRead(ref buffer, out var reply))
            {
                _reader.AdvanceTo(buffer.Start);
                return reply;
            }
            if (result.IsCompleted || result.IsCanceled)
            {
                var partial = _parser.Complete(buffer);
                _reader.AdvanceTo(buffer.End);
                return partial;
            }
            _reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    /// <summary>Takes whatever the server sent that has not been parsed yet (the STARTTLS response-injection check).</summary>
    public byte[] TakeUnreadBytes()
    {
        if (!_reader.TryRead(out var result)) return [];
        byte[] bytes = result.Buffer.ToArray();
        _reader.AdvanceTo(result.Buffer.End);
        return bytes;
    }

    public async Task WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken ct)
    {
        await _writeGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await _stream.WriteAsync(bytes, ct).ConfigureAwait(false);
            await _stream.FlushAsync(ct).ConfigureAwait(false);
            _network.AcknowledgeQuickly();
        }
        catch (IOException ex)
        {
            throw new SmtpConnectionException(SessionMessages.CannotSend(ex.InnerException?.Message ?? ex.Message), ex);
        }
        catch (ObjectDisposedException ex)
        {
            // The reader loop disposes the connection when the server closes it, possibly in the middle of this write.
            throw new SmtpConnectionException(SessionMessages.CannotSendServerClosed, ex);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Wraps the socket in TLS. The caller has already dropped any plaintext that arrived after the 220.</summary>
    public async Task<SslStream> StartTlsAsync(SslClientAuthenticationOptions options, TimeSpan timeout, TlsCertificateValidator validator, CancellationToken ct)
    {
        await _reader.CompleteAsync().ConfigureAwait(false);
        var ssl = new SslStream(_network, leaveInnerStreamOpen: true);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        try
        {
            await ssl.AuthenticateAsClientAsync(options, deadline.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is AuthenticationException or IOException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            await ssl.DisposeAsync().ConfigureAwait(false);
            var (message, remedy) = DescribeHandshakeFailure(ex, validator, timeout);
            throw new SmtpConnectionException(message, ex) { Remedy = remedy, Alert = TlsAlert.FromException(ex) };
        }
        _stream = ssl;
        _reader = PipeReader.Create(ssl, new StreamPipeReaderOptions(bufferSize: 16 * 1024, leaveOpen: true));
        _parser = new ReplyParser(fallbackEncoding: _fallbackEncoding);
        return ssl;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _reader.CompleteAsync().ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // A read may still be pending on the reader loop; disposing the stream below ends it.
        }
        if (_stream is SslStream ssl) await ssl.DisposeAsync().ConfigureAwait(false);
        await _network.DisposeAsync().ConfigureAwait(false);
        // _writeGate is not disposed: a write may still hold it (see WriteAsync), and without its wait handle it owns nothing.
    }

    private static (string Message, Messages.Remedy Remedy) DescribeHandshakeFailure(Exception ex, TlsCertificateValidator validator, TimeSpan timeout)
    {
        if (validator.LastVerdict is { Accepted: false } verdict)
            return (TlsMessages.CertificateRejected(TlsProblemWording.Describe(verdict.Problems, CoreMessages.Language)), verdict.Remedy);
        if (ex is OperationCanceledException)
            return (TlsMessages.HandshakeTimeout(Seconds(timeout)), Messages.Remedy.None);
        string detail = ex.InnerException?.Message ?? ex.Message;
        // A server that answered with a TLS alert does speak TLS: say which alert, not "may not speak TLS".
        if (TlsAlert.FromException(ex) is { } alert)
            return (TlsMessages.HandshakeAlert(alert.ToString(), alert.Meaning), alert.Remedy);
        return (TlsMessages.HandshakeFailed(detail), Messages.Remedy.None);
    }

    private static string Seconds(TimeSpan timeout) => timeout.TotalSeconds.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);

    private static string FormatEndPoint(IPAddress address, int port) =>
        address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{address}]:{port}" : $"{address}:{port}";

    private static string DescribeSocketError(SocketException ex) => ex.SocketErrorCode switch
    {
        SocketError.ConnectionRefused => SessionMessages.ConnectionRefused,
        SocketError.HostUnreachable or SocketError.NetworkUnreachable => SessionMessages.NoRoute,
        SocketError.TimedOut => SessionMessages.TimedOut,
        _ => ex.Message,
    };
}
