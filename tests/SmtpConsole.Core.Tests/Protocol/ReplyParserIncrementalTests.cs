using System.Buffers;
using System.Diagnostics;
using System.Text;
using SmtpConsole.Core.Protocol;

namespace SmtpConsole.Core.Tests.Protocol;

/// <summary>
/// The parser fed the way SmtpConnection's PipeReader feeds it: the unconsumed tail handed back with a few new bytes.
/// The tail is not searched again (linear time), and the replies are the same as from one whole buffer.
/// </summary>
public class ReplyParserIncrementalTests
{
    private static List<SmtpReply> Feed(byte[] data, int step, ReplyParser parser)
    {
        var replies = new List<SmtpReply>();
        int consumed = 0;
        for (int end = Math.Min(step, data.Length); ; end = Math.Min(end + step, data.Length))
        {
            var buffer = new ReadOnlySequence<byte>(data, consumed, end - consumed);
            while (parser.TryRead(ref buffer, out var reply)) replies.Add(reply!);
            consumed = end - (int)buffer.Length;
            if (end == data.Length) return replies;
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(64)]
    public void ByteTrickle_GivesTheSameRepliesAsOneBuffer(int step)
    {
        byte[] data = Encoding.ASCII.GetBytes("220 hi\r\n250-a\r\n250-b b\r\n250 c\r\n550 5.1.1 no\r\n354 go\n421 bye\r\n");
        var whole = Feed(data, data.Length, new ReplyParser());
        var trickled = Feed(data, step, new ReplyParser());
        Assert.Equal(whole.Select(r => r.ToString()), trickled.Select(r => r.ToString()));
        Assert.Equal(whole.Select(r => Convert.ToHexString(r.RawBytes)), trickled.Select(r => Convert.ToHexString(r.RawBytes)));
        Assert.Equal(5, trickled.Count);
        Assert.Equal(4, trickled.Count(r => r.Problem is null && r.Warnings.Count == 0)); // the 354 ends in a bare LF
    }

    [Fact]
    public void LongLineArrivingOneByteAtATime_IsLinear()
    {
        byte[] data = Encoding.ASCII.GetBytes("250 " + new string('x', 60_000) + "\r\n");
        var stopwatch = Stopwatch.StartNew();
        var replies = Feed(data, 1, new ReplyParser());
        stopwatch.Stop();
        Assert.Single(replies);
        Assert.Equal(60_000, replies[0].Lines[0].Length);
        // A generous bound for a loaded CI machine: re-scanning the tail on every call is 1.8 G byte compares here.
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(2), $"took {stopwatch.Elapsed}");
    }

    [Fact]
    public void LineSplitAcrossSegments_ParsesWithoutLosingBytes()
    {
        var replies = new List<SmtpReply>();
        byte[] data = Encoding.ASCII.GetBytes("250-one\r\n250 two\r\n");
        var buffer = Segmented(data);
        var parser = new ReplyParser();
        while (parser.TryRead(ref buffer, out var reply)) replies.Add(reply!);
        Assert.Single(replies);
        Assert.Equal(["one", "two"], replies[0].Lines);
        Assert.Equal(data, replies[0].RawBytes);
    }

    private static ReadOnlySequence<byte> Segmented(byte[] data)
    {
        var first = new Segment(data.AsMemory(0, 1), 0);
        var last = first;
        for (int i = 1; i < data.Length; i++) last = last.Append(data.AsMemory(i, 1));
        return new ReadOnlySequence<byte>(first, 0, last, 1);
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
