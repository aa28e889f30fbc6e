using System.Globalization;
using System.Text;
using SmtpConsole.Core.Messages;
using SmtpConsole.Core.Protocol;

namespace SmtpConsole.Core.Session;

public sealed partial class SmtpSession
{
    /// <summary>
    /// CHUNKING (RFC 3030): sends the message as <c>BDAT n</c> chunks of exact octet counts, no dot-stuffing,
    /// the last one marked <c>LAST</c>. Each chunk waits for its 250 so a refusal stops the transfer at once.
    /// </summary>
    public Task<CommandResult> SendBdatAsync(Stream body, int chunkSize, IProgress<long>? progress = null, CancellationToken ct = default)
    {
        if (chunkSize <= 0) throw new ArgumentOutOfRangeException(nameof(chunkSize));
        return WithMessageBuffersAsync(chunkSize, chunkSize, async (current, next) =>
        {
            long sent = 0;
            int currentLength = await FillAsync(body, current, chunkSize, ct).ConfigureAwait(false);
            CommandResult result = CommandResult.Fail(CommandFailure.Refused, SessionMessages.EmptyMessage);
            int chunkNumber = 0;
            while (true)
            {
                // Read one chunk ahead so the last chunk can carry LAST without an empty "BDAT 0 LAST".
                int nextLength = currentLength == chunkSize ? await FillAsync(body, next, chunkSize, ct).ConfigureAwait(false) : 0;
                bool last = nextLength == 0;
                string command = string.Create(CultureInfo.InvariantCulture, $"BDAT {currentLength}{(last ? " LAST" : string.Empty)}");
                chunkNumber++;
                string octets = currentLength.ToString("N0", CultureInfo.InvariantCulture);
                RecordSend(command, new SendAnnotation(false, last ? SessionMessages.BdatLastChunk(chunkNumber, octets) : SessionMessages.BdatChunk(chunkNumber, octets)));
                _awaiting.Enqueue(PendingCommand.Bdat(command));
                byte[] header = Encoding.ASCII.GetBytes(command + "\r\n");
                if (!await TryWriteAsync(header, ct).ConfigureAwait(false) || !await TryWriteAsync(current.AsMemory(0, currentLength), ct).ConfigureAwait(false))
                    return CommandResult.Fail(CommandFailure.Closed, SessionMessages.ConnectionLostDuringBdat);
                sent += currentLength;
                progress?.Report(sent);
                result = await ReceiveAsync(command, ct).ConfigureAwait(false);
                if (!result.Succeeded || last) break;
                (current, next) = (next, current);
                currentLength = nextLength;
            }
            OnMessageEnd();
            return result;
        }, ct);
    }

    private static async Task<int> FillAsync(Stream stream, byte[] buffer, int count, CancellationToken ct)
    {
        int total = 0;
        while (total < count)
        {
            int read = await stream.ReadAsync(buffer.AsMemory(total, count - total), ct).ConfigureAwait(false);
            if (read == 0) break;
            total += read;
        }
        return total;
    }
}
