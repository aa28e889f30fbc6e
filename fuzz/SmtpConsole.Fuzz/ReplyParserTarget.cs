using System.Buffers;
using System.Text;
using SmtpConsole.Core.Protocol;
using SmtpConsole.Core.Transcript;

namespace SmtpConsole.Fuzz;

/// <summary>
/// ReplyParser.TryRead over arbitrary bytes that arrive in two reads split at a fuzzer-chosen point, the way a
/// hostile server's segments would. Byte 0 picks the limits and fallback encoding, byte 1 the split point.
/// </summary>
internal static class ReplyParserTarget
{
    public static void Run(byte[] data)
    {
        if (data.Length < 2) return;
        byte control = data[0];
        var input = data.AsMemory(2);
        int split = input.Length == 0 ? 0 : (data[1] * 7) % (input.Length + 1);
        // Small limits reach the over-long-line and too-many-lines paths with small inputs.
        int maxLineLength = (control & 3) switch { 0 => ReplyParser.DefaultMaxLineLength, 1 => 64, 2 => 8, _ => 1 };
        int maxLines = (control & 4) == 0 ? ReplyParser.DefaultMaxLines : 3;
        Encoding? fallback = ((control >> 3) & 3) switch
        {
            0 => null,
            1 => Encoding.Latin1,
            2 => Encoding.GetEncoding(54936), // GB18030, as for QQ's servers
            _ => Encoding.GetEncoding(936),   // GBK
        };
        var parser = new ReplyParser(maxLineLength, maxLines, fallback);

        var buffer = new ReadOnlySequence<byte>(input[..split]);
        Drain(parser, ref buffer, maxLineLength, maxLines);
        var leftover = buffer.ToArray();
        buffer = BufferSegment.Join(leftover, input[split..]);
        Drain(parser, ref buffer, maxLineLength, maxLines);
        if (parser.Complete(buffer) is { } last)
        {
            Invariants.Check(last.IsMalformed, "a reply completed by the end of the connection must be marked malformed");
            CheckReply(last, maxLines);
        }
        Invariants.Check(!parser.IsInsideReply, "Complete must leave the parser ready for a new connection");
    }

    private static void Drain(ReplyParser parser, ref ReadOnlySequence<byte> buffer, int maxLineLength, int maxLines)
    {
        for (int guard = 0; ; guard++)
        {
            long before = buffer.Length;
            if (!parser.TryRead(ref buffer, out var reply))
            {
                Invariants.Check(reply is null, "TryRead returned false with a reply");
                // Bounded buffering: a hostile server must not be able to make the client hold an unbounded partial line.
                Invariants.Check(buffer.Length <= maxLineLength, $"{buffer.Length} unconsumed bytes exceed the {maxLineLength}-byte line limit");
                return;
            }
            Invariants.Check(reply is not null, "TryRead returned true without a reply");
            Invariants.Check(buffer.Length < before, "TryRead returned a reply without consuming anything");
            Invariants.Check(guard < 1_000_000, "TryRead does not make progress");
            CheckReply(reply!, maxLines);
            // Memory kept per reply is bounded by the limits, not by what the server sends.
            Invariants.Check(reply!.RawBytes.Length <= (long)(maxLines + 1) * (maxLineLength + 2) + 64, $"{reply.RawBytes.Length} raw bytes kept");
        }
    }

    private static void CheckReply(SmtpReply reply, int maxLines)
    {
        if (reply.IsMalformed) Invariants.Check(reply.Code == 0, "a malformed reply must have code 0");
        else Invariants.Check(reply.Code is >= 200 and <= 599, $"well-formed reply with code {reply.Code}");
        Invariants.Check(reply.Lines.Count <= maxLines + 1, $"{reply.Lines.Count} lines kept with a limit of {maxLines}");
        foreach (var line in reply.Lines)
        {
            Invariants.Displayable(line, "reply line");
            Invariants.Check(ServerText.Neutralize(line) == line, "Neutralize is not idempotent on a reply line");
        }
        foreach (var warning in reply.Warnings) Invariants.Displayable(warning, "reply warning");
        if (reply.Problem is { } problem) Invariants.Displayable(problem, "reply problem");
        _ = reply.Text;
        _ = reply.ToString();
        _ = reply.Class;
        if (reply.Enhanced is { } enhanced) Invariants.Check(enhanced.Class == reply.Code / 100, "enhanced code class differs from the reply code");
        string? note = null;
        if (reply.Challenge is { } challenge)
        {
            Invariants.Check(reply.Code == 334, "a challenge on a reply that is not 334");
            Invariants.Displayable(challenge.Display, "decoded challenge");
            note = challenge.Display;
        }
        // As SmtpSession.RecordReply records it.
        Invariants.SafeInTranscripts(new TranscriptEvent(TranscriptEventKind.Reply, string.Join('\n', reply.FormatLines())) { Reply = reply, Note = note });
    }
}
