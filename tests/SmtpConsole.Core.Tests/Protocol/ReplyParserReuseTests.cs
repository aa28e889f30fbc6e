using System.Buffers;
using System.Text;
using SmtpConsole.Core.Protocol;

namespace SmtpConsole.Core.Tests.Protocol;

/// <summary>Byte-identical one-line replies (a pipelined group's 250s) come back as the same immutable instance.</summary>
public class ReplyParserReuseTests
{
    private static List<SmtpReply> ParseAll(ReplyParser parser, string text)
    {
        var buffer = new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes(text));
        var replies = new List<SmtpReply>();
        while (parser.TryRead(ref buffer, out var reply)) replies.Add(reply!);
        return replies;
    }

    [Fact]
    public void IdenticalOneLineReplies_AreTheSameInstance_WithTheSameContent()
    {
        var parser = new ReplyParser();
        var replies = ParseAll(parser, "250 2.1.5 Ok\r\n250 2.1.5 Ok\r\n550 5.1.1 no\r\n250 2.1.5 Ok\r\n");
        Assert.Equal(4, replies.Count);
        Assert.Same(replies[0], replies[1]);
        Assert.Same(replies[0], replies[3]);
        Assert.NotSame(replies[0], replies[2]);
        Assert.Equal(550, replies[2].Code);
        Assert.Equal("250 2.1.5 Ok", replies[3].DisplayText);
        Assert.Equal("250 2.1.5 Ok\r\n"u8.ToArray(), replies[3].RawBytes);
    }

    [Fact]
    public void MultiLine_BareLf_AndLinesInsideAReply_AreNeverReused()
    {
        var parser = new ReplyParser();
        var replies = ParseAll(parser, "250 ok\r\n250-a\r\n250 ok\r\n250 ok\n250 ok\n250 ok\r\n");
        Assert.Equal(5, replies.Count);
        Assert.Equal(["a", "ok"], replies[1].Lines);
        Assert.NotSame(replies[0], replies[1]);
        Assert.Single(replies[2].Warnings); // bare LF: a fresh reply with its warning
        Assert.NotSame(replies[2], replies[3]);
        Assert.Single(replies[3].Warnings);
        Assert.Same(replies[0], replies[4]);
    }

    [Fact]
    public void DisplayText_IsComputedOnce()
    {
        var reply = SmtpReply.Create(250, "first", "last");
        Assert.Equal("250-first\n250 last", reply.DisplayText);
        Assert.Same(reply.DisplayText, reply.DisplayText);
    }
}
