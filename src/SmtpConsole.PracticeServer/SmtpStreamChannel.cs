using System.Net.Security;
using System.Text;

namespace SmtpConsole.PracticeServer;

/// <summary>
/// Buffered SMTP input and output over a socket stream that can be upgraded to TLS. Every read is bounded by the
/// idle timeout, every line by a length limit, so a silent or hostile client can cost neither a task forever nor
/// memory without bound. Replies are held back while pipelined input is still buffered and flushed before the
/// channel waits for the network, which is how PIPELINING servers batch replies (RFC 2920 section 3.1).
/// </summary>
internal sealed class SmtpStreamChannel(Stream stream, TimeSpan idleTimeout, CancellationToken stopping) : IAsyncDisposable
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly byte[] input = new byte[16 * 1024];
    private readonly MemoryStream pendingOutput = new();
    private readonly MemoryStream line = new();
    private Stream stream = stream;
    private int inputStart;
    private int inputEnd;
    private bool skippingRestOfLine;

    /// <summary>How long a read or write may wait for the client; the connection lengthens it once the client greets.</summary>
    public TimeSpan IdleTimeout { get; set; } = idleTimeout;

    /// <summary>True while received bytes are waiting to be processed (pipelined commands).</summary>
    public bool HasBufferedInput => inputEnd > inputStart;

    /// <summary>Queues a reply; it goes out at the next flush.</summary>
    public void Write(SessionReply reply) => pendingOutput.Write(reply.ToWireBytes());

    /// <summary>Sends queued replies, giving up with <see cref="TimeoutException"/> if the client does not read them in time.</summary>
    public async Task FlushAsync(TimeSpan? timeout = null)
    {
        if (pendingOutput.Length == 0)
        {
            return;
        }

        using var deadline = StartDeadline(timeout ?? IdleTimeout);
        try
        {
            await stream.WriteAsync(pendingOutput.GetBuffer().AsMemory(0, (int)pendingOutput.Length), deadline.Token).ConfigureAwait(false);
            await stream.FlushAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
        {
            throw new TimeoutException("The client did not read the reply in time.");
        }
        finally
        {
            pendingOutput.SetLength(0);
        }
    }

    /// <summary>
    /// Reads one line ending in LF (a preceding CR is removed). A line longer than <paramref name="maxLength"/> is
    /// reported as soon as the limit is passed and the rest of it, up to the next LF, is skipped on later reads.
    /// </summary>
    public async Task<LineReadResult> ReadLineAsync(int maxLength)
    {
        line.SetLength(0);
        while (true)
        {
            if (!HasBufferedInput && !await FillAsync().ConfigureAwait(false))
            {
                return new LineReadResult(LineReadStatus.EndOfStream);
            }

            var available = input.AsSpan(inputStart, inputEnd - inputStart);
            var newline = available.IndexOf((byte)'\n');
            if (skippingRestOfLine)
            {
                inputStart = newline < 0 ? inputEnd : inputStart + newline + 1;
                skippingRestOfLine = newline < 0;
                continue;
            }

            var piece = newline < 0 ? available : available[..newline];

            // One byte of slack for the CR that may end the line.
            if (line.Length + piece.Length > maxLength + 1)
            {
                inputStart = newline < 0 ? inputEnd : inputStart + newline + 1;
                skippingRestOfLine = newline < 0;
                return new LineReadResult(LineReadStatus.TooLong);
            }

            line.Write(piece);
            if (newline < 0)
            {
                inputStart = inputEnd;
                continue;
            }

            inputStart += newline + 1;
            return Decode(maxLength);
        }
    }

    /// <summary>Feeds DATA content through <paramref name="decoder"/> until the end mark; false if the client went away first.</summary>
    public async Task<bool> ReadMessageDataAsync(DotUnstuffingDecoder decoder, MessageContentBuffer content)
    {
        while (!decoder.IsComplete)
        {
            if (!HasBufferedInput && !await FillAsync().ConfigureAwait(false))
            {
                return false;
            }

            inputStart += decoder.Decode(input.AsSpan(inputStart, inputEnd - inputStart), content);
        }

        return true;
    }

    /// <summary>Copies exactly <paramref name="size"/> bytes of BDAT content; false if the client went away first.</summary>
    public async Task<bool> ReadChunkAsync(long size, MessageContentBuffer content)
    {
        var remaining = size;
        while (remaining > 0)
        {
            if (!HasBufferedInput && !await FillAsync().ConfigureAwait(false))
            {
                return false;
            }

            var take = (int)Math.Min(remaining, inputEnd - inputStart);
            content.Append(input.AsSpan(inputStart, take));
            inputStart += take;
            remaining -= take;
        }

        return true;
    }

    /// <summary>
    /// Sends the queued 220 reply and runs the TLS server handshake. Input the client sent after STARTTLS but before
    /// the handshake is thrown away (RFC 3207 section 5): keeping it would let an attacker inject plaintext commands
    /// into the protected session. Returns a description of the negotiated protocol for the log.
    /// </summary>
    public async Task<string> UpgradeToTlsAsync(SslStreamCertificateContext certificate)
    {
        await FlushAsync().ConfigureAwait(false);
        inputStart = inputEnd = 0;
        skippingRestOfLine = false;
        var tls = new SslStream(stream, leaveInnerStreamOpen: false);
        stream = tls;
        using var deadline = StartDeadline(IdleTimeout);
        try
        {
            var authentication = new SslServerAuthenticationOptions { ServerCertificateContext = certificate };
            await tls.AuthenticateAsServerAsync(authentication, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
        {
            throw new TimeoutException("The client did not complete the TLS handshake in time.");
        }

        return $"{tls.SslProtocol} {tls.NegotiatedCipherSuite}";
    }

    public async ValueTask DisposeAsync()
    {
        await stream.DisposeAsync().ConfigureAwait(false);
        await pendingOutput.DisposeAsync().ConfigureAwait(false);
        await line.DisposeAsync().ConfigureAwait(false);
    }

    private LineReadResult Decode(int maxLength)
    {
        var bytes = line.GetBuffer().AsSpan(0, (int)line.Length);
        if (bytes.EndsWith((byte)'\r'))
        {
            bytes = bytes[..^1];
        }

        if (bytes.Length > maxLength)
        {
            return new LineReadResult(LineReadStatus.TooLong);
        }

        try
        {
            return new LineReadResult(LineReadStatus.Line, StrictUtf8.GetString(bytes));
        }
        catch (DecoderFallbackException)
        {
            return new LineReadResult(LineReadStatus.InvalidEncoding);
        }
    }

    private async Task<bool> FillAsync()
    {
        await FlushAsync().ConfigureAwait(false);
        using var deadline = StartDeadline(IdleTimeout);
        int read;
        try
        {
            read = await stream.ReadAsync(input, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
        {
            throw new TimeoutException("The client sent nothing within the idle timeout.");
        }

        inputStart = 0;
        inputEnd = read;
        return read > 0;
    }

    private CancellationTokenSource StartDeadline(TimeSpan timeout)
    {
        var deadline = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        deadline.CancelAfter(timeout);
        return deadline;
    }
}
