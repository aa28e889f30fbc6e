using System.Buffers;
using System.Text;

namespace SmtpConsole.Benchmarks;

/// <summary>Deterministic reply bytes shared by the parser benchmarks and the columns.</summary>
internal static class ReplyData
{
    public const int StreamReplies = 10_000;

    public static readonly byte[] Single = "250 2.1.5 Ok\r\n"u8.ToArray();

    public static readonly byte[] Ehlo = Encoding.ASCII.GetBytes(
        "250-mx.example.test\r\n250-PIPELINING\r\n250-SIZE 10240000\r\n250-VRFY\r\n250-ETRN\r\n" +
        "250-AUTH PLAIN LOGIN CRAM-MD5 DIGEST-MD5 SCRAM-SHA-1 SCRAM-SHA-256\r\n250-ENHANCEDSTATUSCODES\r\n" +
        "250-8BITMIME\r\n250-DSN\r\n250-SMTPUTF8\r\n250 CHUNKING\r\n");

    /// <summary>What 10,000 pipelined RCPTs get back: mostly 250, some 550 with text, an occasional multi-line 451.</summary>
    public static readonly byte[] Stream = BuildStream();

    /// <summary>One 32,000-byte reply line (a hostile or odd server); under the 64 KiB line cap.</summary>
    public static readonly byte[] LongLine = Encoding.ASCII.GetBytes("250 " + new string('x', 32_000) + "\r\n");

    private static byte[] BuildStream()
    {
        var sb = new StringBuilder();
        for (int i = 0; i < StreamReplies; i++)
        {
            if (i % 100 == 99) sb.Append("451-4.3.0 Temporary lookup failure\r\n451 4.3.0 Try again later\r\n");
            else if (i % 10 == 9) sb.Append("550 5.1.1 <nobody").Append(i).Append("@example.test>: Recipient address rejected: User unknown\r\n");
            else sb.Append("250 2.1.5 Ok\r\n");
        }
        return Encoding.ASCII.GetBytes(sb.ToString());
    }

    /// <summary>The same bytes as a chain of <paramref name="segmentSize"/>-byte segments (what a byte-at-a-time pipe can hand over).</summary>
    public static ReadOnlySequence<byte> Segmented(byte[] data, int segmentSize)
    {
        var first = new Segment(data.AsMemory(0, Math.Min(segmentSize, data.Length)), 0);
        var last = first;
        for (int offset = segmentSize; offset < data.Length; offset += segmentSize)
            last = last.Append(data.AsMemory(offset, Math.Min(segmentSize, data.Length - offset)));
        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
