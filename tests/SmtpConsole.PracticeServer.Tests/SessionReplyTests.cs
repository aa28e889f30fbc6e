using System.Text;

namespace SmtpConsole.PracticeServer.Tests;

public sealed class SessionReplyTests
{
    [Fact]
    public void Multiline_puts_hyphens_on_all_but_the_last_line()
    {
        var reply = SessionReply.Multiline(250, ["host", "PIPELINING", "SMTPUTF8"]);
        Assert.Equal(["250-host", "250-PIPELINING", "250 SMTPUTF8"], reply.Lines);
        Assert.Equal("250-host\r\n250-PIPELINING\r\n250 SMTPUTF8\r\n", Encoding.UTF8.GetString(reply.ToWireBytes()));
        Assert.Equal(250, reply.Code);
        Assert.False(reply.IsError);
    }

    [Fact]
    public void Followed_by_keeps_both_texts_and_takes_the_second_action()
    {
        var reply = SessionReply.Line("500 x").FollowedBy(SessionReply.Line("421 y", SessionAction.Close));
        Assert.Equal(["500 x", "421 y"], reply.Lines);
        Assert.Equal(SessionAction.Close, reply.Action);
        Assert.True(reply.IsError);
    }

    [Fact]
    public void Chunk_request_has_no_text()
    {
        var reply = SessionReply.ReadChunk(42);
        Assert.Empty(reply.Lines);
        Assert.Equal(0, reply.Code);
        Assert.Equal(42, reply.ChunkSize);
        Assert.Empty(reply.ToWireBytes());
    }
}
