using System.Buffers;
using System.Text;
using SmtpConsole.Core.Messages;

namespace SmtpConsole.Core.Protocol;

/// <summary>
/// Reads SMTP replies from bytes, with no I/O of its own (the Kestrel/Pipelines shape): the caller hands it
/// whatever has arrived, it consumes complete lines and says whether a whole reply is ready.
/// It never throws on server input: anything invalid becomes a reply with <see cref="SmtpReply.Problem"/> set,
/// so the command waiting for it completes instead of hanging.
/// </summary>
public sealed class ReplyParser
{
    /// <summary>RFC 5321 allows 512 octets per reply line; real servers exceed it, so allow far more but not unbounded.</summary>
    public const int DefaultMaxLineLength = 64 * 1024;

    /// <summary>A reply longer than this many lines is cut off, so thousands of EHLO lines cannot grow memory without limit.</summary>
    public const int DefaultMaxLines = 10_000;

    /// <summary>How many recent one-line replies are remembered for reuse, and the longest one (bytes, CRLF included).</summary>
    private const int RecentReplies = 8;
    private const int RecentMaxBytes = 128;

    private readonly int _maxLineLength;
    private readonly int _maxLines;
    private readonly Encoding? _fallbackEncoding;
    private readonly List<string> _lines = [];
    private readonly List<string> _warnings = [];
    private readonly ArrayBufferWriter<byte> _raw = new();
    /// <summary>Recent one-line replies, handed out again when the same bytes arrive (see <see cref="ProcessLine"/>).</summary>
    private readonly SmtpReply?[] _recent = new SmtpReply?[RecentReplies];
    private int _recentNext;
    private int _code = -1;
    private long _scanned; // leading bytes of the unconsumed buffer already searched for LF in earlier calls (the pipe hands them back)
    private long _discarding = -1; // bytes dropped from an over-long line still waiting for its LF; -1 when not discarding

    public ReplyParser(int maxLineLength = DefaultMaxLineLength, int maxLines = DefaultMaxLines, Encoding? fallbackEncoding = null)
    {
        _maxLineLength = maxLineLength;
        _maxLines = maxLines;
        _fallbackEncoding = fallbackEncoding;
    }

    /// <summary>True while part of a multi-line reply has been read.</summary>
    public bool IsInsideReply => _code >= 0;

    /// <summary>
    /// Consumes complete lines from <paramref name="buffer"/> until one whole reply is read.
    /// Returns false when more bytes are needed; <paramref name="buffer"/> is advanced past what was consumed.
    /// As with a <c>PipeReader</c>, the unconsumed bytes must be handed back at the start of the next call: they are
    /// not searched again, so a long line arriving a few bytes at a time costs linear, not quadratic, time.
    /// </summary>
    public bool TryRead(ref ReadOnlySequence<byte> buffer, out SmtpReply? reply)
    {
        reply = null;
        while (true)
        {
            long skip = _scanned <= buffer.Length ? _scanned : 0;
            var lf = skip == 0 ? buffer.PositionOf((byte)'\n') : buffer.Slice(skip).PositionOf((byte)'\n');
            _scanned = lf is null ? buffer.Length : 0;
            if (_discarding >= 0)
            {
                if (lf is null)
                {
                    _discarding += buffer.Length;
                    buffer = buffer.Slice(buffer.End);
                    _scanned = 0;
                    return false;
                }
                _discarding += buffer.Slice(0, lf.Value).Length;
                buffer = buffer.Slice(buffer.GetPosition(1, lf.Value));
                _discarding = -1;
                continue;
            }
            if (lf is null)
            {
                if (buffer.Length <= _maxLineLength) return false;
                // An unterminated line past the cap: report at once (the command must not wait for a LF that may never come),
                // then drop the rest of that line as it arrives.
                var head = buffer.Slice(0, Math.Min(buffer.Length, 64)).ToArray();
                _discarding = buffer.Length;
                buffer = buffer.Slice(buffer.End);
                _scanned = 0;
                reply = Malformed(head, ReplyMessages.LineTooLongDiscarded(_maxLineLength));
                return true;
            }

            var lineWithLf = buffer.Slice(0, buffer.GetPosition(1, lf.Value));
            buffer = buffer.Slice(lineWithLf.End);
            if (lineWithLf.Length - 1 > _maxLineLength)
            {
                reply = Malformed(lineWithLf.Slice(0, Math.Min(lineWithLf.Length, 64)).ToArray(), ReplyMessages.LineExceedsLimit(lineWithLf.Length - 1, _maxLineLength));
                return true;
            }
            if (lineWithLf.IsSingleSegment)
            {
                if (ProcessLine(lineWithLf.FirstSpan, out reply)) return true;
                continue;
            }
            // A line split across segments: copy it into a pooled buffer rather than a new array per line.
            int length = (int)lineWithLf.Length;
            byte[] rented = ArrayPool<byte>.Shared.Rent(length);
            try
            {
                lineWithLf.CopyTo(rented);
                if (ProcessLine(rented.AsSpan(0, length), out reply)) return true;
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Flushes a reply cut short by the end of the connection, if any lines of it had arrived.</summary>
    public SmtpReply? Complete(ReadOnlySequence<byte> leftover)
    {
        if (_code < 0 && leftover.IsEmpty) return null;
        if (!leftover.IsEmpty) _raw.Write(leftover.ToArray());
        string problem = _code >= 0 ? ReplyMessages.ClosedInMultilineReply : ReplyMessages.ClosedInReplyLine;
        if (!leftover.IsEmpty) _lines.Add(ServerText.Decode(leftover.ToArray(), _fallbackEncoding));
        var reply = new SmtpReply(0, _lines.ToArray(), _raw.WrittenSpan.ToArray(), problem, Warnings());
        Reset();
        return reply;
    }

    private bool ProcessLine(ReadOnlySpan<byte> lineWithLf, out SmtpReply? reply)
    {
        // A pipelined group gets thousands of byte-identical one-line replies ("250 2.1.5 Ok"). SmtpReply is immutable,
        // so the same instance is handed out again: no decoding, no allocation, and a long transcript holds one copy.
        if (_raw.WrittenCount == 0 && lineWithLf.Length <= RecentMaxBytes && Recent(lineWithLf) is { } again)
        {
            reply = again;
            return true;
        }
        reply = null;
        // Past the line cap nothing more is kept, raw bytes included, so an endless reply cannot grow memory.
        if (_lines.Count < _maxLines) _raw.Write(lineWithLf);
        var line = lineWithLf[..^1];
        bool bareLf = line.IsEmpty || line[^1] != (byte)'\r';
        if (!bareLf) line = line[..^1];

        if (!TryParseCode(line, out int code, out bool last))
        {
            string text = ServerText.Decode(line, _fallbackEncoding);
            _lines.Add(text);
            reply = new SmtpReply(0, _lines.ToArray(), _raw.WrittenSpan.ToArray(), DescribeBadLine(line), Warnings());
            Reset();
            return true;
        }
        if (bareLf) AddWarning(ReplyMessages.BareLf);
        if (_code < 0) _code = code;
        else if (code != _code) AddWarning(ReplyMessages.InconsistentCodes(_code, code));

        var textBytes = line.Length > 4 ? line[4..] : [];
        if (_lines.Count < _maxLines) _lines.Add(ServerText.Decode(textBytes, _fallbackEncoding));
        else if (_lines.Count == _maxLines) AddWarning(ReplyMessages.TooManyLines(_maxLines));

        if (!last) return false;
        if (code / 100 != _code / 100)
        {
            // "250-…" ending "550 …" (RFC 5321 §4.2.1 forbids it): success or refusal is not known, so it is neither.
            _warnings.Remove(ReplyMessages.InconsistentCodes(_code, code)); // the problem says it
            reply = new SmtpReply(0, RawLines(), _raw.WrittenSpan.ToArray(), ReplyMessages.InconsistentCodes(_code, code), Warnings());
            Reset();
            return true;
        }
        reply = new SmtpReply(_code, _lines.ToArray(), _raw.WrittenSpan.ToArray(), null, Warnings());
        if (_lines.Count == 1 && _warnings.Count == 0 && reply.RawBytes.Length <= RecentMaxBytes)
        {
            _recent[_recentNext] = reply;
            _recentNext = (_recentNext + 1) % RecentReplies;
        }
        Reset();
        return true;
    }

    /// <summary>The reply's lines with their codes, as received: a malformed reply is shown as it came.</summary>
    private string[] RawLines()
    {
        var lines = new List<string>(_lines.Count);
        foreach (var range in _raw.WrittenSpan.Split((byte)'\n'))
        {
            var line = _raw.WrittenSpan[range];
            if (line.IsEmpty) continue;
            lines.Add(ServerText.Decode(line[^1] == (byte)'\r' ? line[..^1] : line, _fallbackEncoding));
        }
        return [.. lines];
    }

    private SmtpReply? Recent(ReadOnlySpan<byte> lineWithLf)
    {
        foreach (var candidate in _recent)
            if (candidate is not null && lineWithLf.SequenceEqual(candidate.RawBytes)) return candidate;
        return null;
    }

    /// <summary>Exactly three digits, the first 2–5, then a space, a hyphen or the end of the line.</summary>
    internal static bool TryParseCode(ReadOnlySpan<byte> line, out int code, out bool last)
    {
        code = 0;
        last = true;
        if (line.Length < 3) return false;
        byte d0 = line[0], d1 = line[1], d2 = line[2];
        if (d0 is < (byte)'2' or > (byte)'5' || d1 is < (byte)'0' or > (byte)'9' || d2 is < (byte)'0' or > (byte)'9') return false;
        if (line.Length > 3)
        {
            if (line[3] == (byte)'-') last = false;
            else if (line[3] != (byte)' ') return false;
        }
        code = (d0 - '0') * 100 + (d1 - '0') * 10 + (d2 - '0');
        return true;
    }

    private static string DescribeBadLine(ReadOnlySpan<byte> line)
    {
        string shown = ServerText.EscapeBytes(line.Length > 80 ? line[..80] : line);
        if (line.Length < 3) return ReplyMessages.LineTooShort(shown);
        int digits = 0;
        while (digits < line.Length && line[digits] is >= (byte)'0' and <= (byte)'9') digits++;
        if (digits > 3) return ReplyMessages.TooManyDigits(digits, shown);
        if (digits == 3 && line[0] is < (byte)'2' or > (byte)'5') return ReplyMessages.CodeFirstDigit(shown);
        if (digits == 3) return ReplyMessages.CodeNotFollowedBySpaceOrHyphen(shown);
        return ReplyMessages.NotAReply(shown);
    }

    private SmtpReply Malformed(byte[] head, string problem)
    {
        _raw.Write(head);
        var lines = new List<string>(_lines) { ServerText.Decode(head, _fallbackEncoding) + "…" };
        var reply = new SmtpReply(0, lines, _raw.WrittenSpan.ToArray(), problem, Warnings());
        Reset();
        return reply;
    }

    /// <summary>The warnings as an array; the shared empty one when there are none (the usual case: no allocation).</summary>
    private string[] Warnings() => _warnings.Count == 0 ? [] : _warnings.ToArray();

    private void AddWarning(string warning)
    {
        if (!_warnings.Contains(warning)) _warnings.Add(warning);
    }

    private void Reset()
    {
        _lines.Clear();
        _warnings.Clear();
        _raw.Clear();
        _code = -1;
        _scanned = 0;
    }
}
