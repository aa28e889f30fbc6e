using System.Buffers;
using System.Globalization;
using System.Text;
using SmtpConsole.Core.Messages;
using SmtpConsole.Core.Protocol;
using SmtpConsole.Core.Transcript;

namespace SmtpConsole.Core.Session;

public sealed partial class SmtpSession
{
    /// <summary>Bodies up to this size are recorded line by line; larger ones as one summary line (the transcript is for people).</summary>
    public const int RecordBodyLinesUpTo = 256 * 1024;

    private const int ChunkSize = 64 * 1024;

    /// <summary>Sends one body line typed by a person after a 354, dot-stuffed. No reply is expected.</summary>
    public async Task<bool> SendDataLineAsync(string line, CancellationToken ct = default)
    {
        if (SmtpCommandText.Problem(line) is { } problem)
        {
            _transcript.Error(problem);
            return false;
        }
        string wire = DotStuffer.StuffLine(line);
        _transcript.Record(new TranscriptEvent(TranscriptEventKind.Send, wire)
        {
            Note = wire.Length != line.Length ? SessionMessages.DotStuffedNote : null,
            ExactText = wire,
        });
        return await TryWriteAsync(Encoding.UTF8.GetBytes(wire + "\r\n"), ct).ConfigureAwait(false);
    }

    /// <summary>Sends the lone '.' that ends DATA and waits for the server's verdict on the message.</summary>
    public async Task<CommandResult> EndDataAsync(CancellationToken ct = default)
    {
        if (_connection is null) return NotConnected();
        await _commandGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            DrainStaleReplies();
            RecordSend(".", new SendAnnotation(false, SessionMessages.EndOfMessage));
            _awaiting.Enqueue(PendingCommand.EndOfData);
            if (!await TryWriteAsync(".\r\n"u8.ToArray(), ct).ConfigureAwait(false)) return CommandResult.Fail(CommandFailure.Closed, CoreMessages.ConnectionLostWhileSending);
            var result = await ReceiveAsync("end of DATA", ct).ConfigureAwait(false);
            OnMessageEnd();
            return result;
        }
        finally
        {
            _commandGate.Release();
        }
    }

    /// <summary>
    /// Streams a whole message body after a 354: CRLF-normalised and dot-stuffed chunk by chunk (memory stays flat
    /// whatever the size), then the terminator, then waits for the reply.
    /// </summary>
    public Task<CommandResult> SendDataBodyAsync(Stream body, string sourceName, IProgress<long>? progress = null, CancellationToken ct = default) =>
        WithMessageBuffersAsync(ChunkSize, DotStuffer.MaxOutputLength(ChunkSize), async (input, output) =>
        {
            var stuffer = new DotStuffer();
            long length = body.CanSeek ? body.Length - body.Position : -1;
            bool recordLines = length >= 0 && length <= RecordBodyLinesUpTo;
            var recorded = recordLines ? new ArrayBufferWriter<byte>() : null;
            long sent = 0;
            int read;
            while ((read = await body.ReadAsync(input.AsMemory(0, ChunkSize), ct).ConfigureAwait(false)) > 0)
            {
                int n = stuffer.Stuff(input.AsSpan(0, read), output);
                recorded?.Write(output.AsSpan(0, n));
                if (!await TryWriteAsync(output.AsMemory(0, n), ct).ConfigureAwait(false)) return CommandResult.Fail(CommandFailure.Closed, SessionMessages.ConnectionLostSendingMessage);
                sent += read;
                progress?.Report(sent);
            }
            byte[] end = stuffer.Finish();
            if (recorded is not null)
            {
                recorded.Write(end);
                RecordBodyLines(recorded.WrittenSpan);
            }
            else
            {
                RecordSend(".", new SendAnnotation(false, SessionMessages.BodyStreamed(sourceName,
                    sent.ToString("N0", CultureInfo.InvariantCulture), stuffer.DotsAdded.ToString("N0", CultureInfo.InvariantCulture))));
            }
            _awaiting.Enqueue(PendingCommand.EndOfData);
            if (!await TryWriteAsync(end, ct).ConfigureAwait(false)) return CommandResult.Fail(CommandFailure.Closed, SessionMessages.ConnectionLostSendingMessage);
            var result = await ReceiveAsync("end of DATA", ct).ConfigureAwait(false);
            OnMessageEnd();
            return result;
        }, ct);

    /// <summary>
    /// One message transfer under the command gate, with two pooled buffers: refused when not connected, stale replies
    /// drained first, the buffers given back and the gate released however the transfer ends (DATA body and BDAT alike).
    /// </summary>
    private async Task<CommandResult> WithMessageBuffersAsync(int firstSize, int secondSize, Func<byte[], byte[], Task<CommandResult>> transfer, CancellationToken ct)
    {
        if (_connection is null) return NotConnected();
        await _commandGate.WaitAsync(ct).ConfigureAwait(false);
        byte[] first = ArrayPool<byte>.Shared.Rent(firstSize);
        byte[] second = ArrayPool<byte>.Shared.Rent(secondSize);
        try
        {
            DrainStaleReplies();
            return await transfer(first, second).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(first);
            ArrayPool<byte>.Shared.Return(second);
            _commandGate.Release();
        }
    }

    private void RecordBodyLines(ReadOnlySpan<byte> wire)
    {
        while (!wire.IsEmpty)
        {
            int crlf = wire.IndexOf("\r\n"u8);
            var line = crlf < 0 ? wire : wire[..crlf];
            string text = ServerText.Decode(line, fallback: null, keepTabs: true);
            bool last = text == "." && crlf + 2 == wire.Length;
            RecordSend(text, last ? new SendAnnotation(false, SessionMessages.EndOfMessage) : SendAnnotation.None);
            wire = crlf < 0 ? [] : wire[(crlf + 2)..];
        }
    }
}
