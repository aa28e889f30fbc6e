using System.Buffers;
using System.Text;
using SmtpConsole.Core.Protocol;

namespace SmtpConsole.Core.Tests.Hostile;

/// <summary>Parser-level limits a hostile server pushes against, too costly to reach over a socket in a unit test.</summary>
public class HostileReplyParserTests
{
    [Fact]
    public void TryRead_EndlessMultilineReply_KeptLinesAndRawBytesStayBounded()
    {
        var parser = new ReplyParser(maxLineLength: 1024, maxLines: 100);
        string line = "250-" + new string('x', 1000) + "\r\n";
        SmtpReply? reply = null;
        for (int i = 0; i < 10_000 && reply is null; i++)
        {
            var chunk = new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes(line));
            Assert.False(parser.TryRead(ref chunk, out reply));
        }
        var end = new ReadOnlySequence<byte>("250 end\r\n"u8.ToArray());

        Assert.True(parser.TryRead(ref end, out reply));

        Assert.Equal(100, reply!.Lines.Count);
        Assert.Contains("reply has more than 100 lines; the rest are not kept", reply.Warnings);
        // 10 MB went by: what is kept must not grow with what the server sends.
        Assert.True(reply.RawBytes.Length <= 101 * 1026, $"{reply.RawBytes.Length:N0} raw bytes kept for a reply capped at 100 lines");
    }

    [Fact]
    public void TryRead_OverlongLineShorterThanPreview_ReportedWithoutThrowing()
    {
        // Found by the reply-parser fuzz harness (seed cr-only): a limit under 64 bytes made the preview slice throw.
        var parser = new ReplyParser(maxLineLength: 8);
        var buffer = new ReadOnlySequence<byte>("250 a\r250 b\r\r\n"u8.ToArray());

        Assert.True(parser.TryRead(ref buffer, out var reply));

        Assert.Equal("line of 13 bytes exceeds the 8-byte limit", reply!.Problem);
        Assert.True(buffer.IsEmpty);
    }
}
