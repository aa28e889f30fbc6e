using System.Text;

namespace SmtpConsole.PracticeServer.Tests;

/// <summary>BDAT (RFC 3030 CHUNKING), answered the way Postfix does.</summary>
public sealed class PracticeSessionChunkingTests
{
    private static SessionDriver InTransaction(PracticeServerOptions? options = null)
    {
        var driver = new SessionDriver(options).Ready();
        driver.Send("MAIL FROM:<a@b.example>");
        driver.Send("RCPT TO:<x@practice.smtpconsole.test>");
        return driver;
    }

    [Fact]
    public void Chunks_are_concatenated_and_queued_on_last()
    {
        var driver = InTransaction();
        var first = driver.Reply("BDAT 5");
        Assert.Equal(SessionAction.ReadChunk, first.Action);
        Assert.Equal(5, first.ChunkSize);
        Assert.Empty(first.Lines);
        Assert.Equal("250 2.0.0 Ok: 5 bytes", driver.Chunk("Hello"u8.ToArray()));

        driver.Reply("BDAT 3 LAST");
        var queued = driver.Chunk(".\r\n"u8.ToArray());

        var message = Assert.Single(driver.Inbox.Messages);
        Assert.Equal($"250 2.0.0 Ok: 8 bytes queued as {message.Id}", queued);
        Assert.Equal("Hello.\r\n", Encoding.ASCII.GetString(message.RawBytes));
    }

    [Fact]
    public void Bdat_zero_last_ends_the_message()
    {
        var driver = InTransaction();
        driver.Reply("BDAT 2");
        driver.Chunk("hi"u8.ToArray());
        driver.Reply("BDAT 0 LAST");
        Assert.StartsWith("250 2.0.0 Ok: 2 bytes queued as ", driver.Chunk([]));
    }

    [Theory]
    [InlineData("BDAT")]
    [InlineData("BDAT x")]
    [InlineData("BDAT -1")]
    [InlineData("BDAT 5 FIRST")]
    [InlineData("BDAT 5 LAST more")]
    [InlineData("BDAT 999999999999999999999999")]
    public void Malformed_bdat_gets_521_and_closes(string command)
    {
        var reply = InTransaction().Reply(command);
        Assert.Equal("521 5.5.4 Syntax: BDAT count [LAST]", reply.ToString());
        Assert.Equal(SessionAction.Close, reply.Action);
    }

    [Fact]
    public void Bdat_without_mail_is_read_then_refused()
    {
        var driver = new SessionDriver().Ready();
        Assert.Equal(SessionAction.ReadChunk, driver.Reply("BDAT 3 LAST").Action);
        Assert.Equal("503 5.5.1 Error: need RCPT command", driver.Chunk("abc"u8.ToArray()));
        Assert.Equal(0, driver.Inbox.Count);
        Assert.Equal("250 2.1.0 Ok", driver.Send("MAIL FROM:<a@b.example>"));
    }

    [Fact]
    public void Bdat_without_valid_recipients_is_refused()
    {
        var driver = new SessionDriver().Ready();
        driver.Send("MAIL FROM:<a@b.example>");
        driver.Reply("BDAT 1 LAST");
        Assert.Equal("554 5.5.1 Error: no valid recipients", driver.Chunk("a"u8.ToArray()));
    }

    [Fact]
    public void After_a_refused_chunk_later_chunks_are_discarded_until_last()
    {
        var driver = new SessionDriver().Ready();
        driver.Reply("BDAT 1");
        Assert.Equal("503 5.5.1 Error: need RCPT command", driver.Chunk("a"u8.ToArray()));
        Assert.Equal("503 5.5.1 Error: MAIL after BDAT", driver.Send("MAIL FROM:<a@b.example>"));
        driver.Reply("BDAT 2 LAST");
        Assert.Equal("551 5.0.0 Discarded 2 bytes after earlier error", driver.Chunk("bc"u8.ToArray()));
        Assert.Equal("250 2.1.0 Ok", driver.Send("MAIL FROM:<a@b.example>"));
    }

    [Fact]
    public void Null_chunk_that_is_not_last_is_refused()
    {
        var driver = InTransaction();
        driver.Reply("BDAT 0");
        Assert.Equal("551 5.7.1 Null BDAT request", driver.Chunk([]));
    }

    [Fact]
    public void Data_rcpt_and_mail_are_refused_during_bdat()
    {
        var driver = InTransaction();
        driver.Reply("BDAT 1");
        driver.Chunk("a"u8.ToArray());
        Assert.Equal("503 5.5.1 Error: DATA after BDAT", driver.Send("DATA"));
        Assert.Equal("503 5.5.1 Error: RCPT after BDAT", driver.Send("RCPT TO:<y@practice.smtpconsole.test>"));
        Assert.Equal("503 5.5.1 Error: nested MAIL command", driver.Send("MAIL FROM:<a@b.example>"));
        Assert.Equal("250 2.0.0 Ok", driver.Send("RSET"));
        Assert.Equal("250 2.1.0 Ok", driver.Send("MAIL FROM:<a@b.example>"));
    }

    [Fact]
    public void Chunk_that_would_exceed_the_limit_is_discarded_with_552()
    {
        var driver = InTransaction(new PracticeServerOptions { MaxMessageSize = 10 });
        driver.Reply("BDAT 6");
        driver.Chunk("123456"u8.ToArray());
        driver.Reply("BDAT 5 LAST");
        Assert.Equal("552 5.3.4 Chunk exceeds message size limit", driver.Chunk("78901"u8.ToArray()));
        Assert.Equal(0, driver.Inbox.Count);
    }

    [Fact]
    public void Huge_refused_chunk_closes_instead_of_reading_it()
    {
        var driver = InTransaction(new PracticeServerOptions { MaxMessageSize = 10 });
        var reply = driver.Reply("BDAT 1000");
        Assert.Equal("552 5.3.4 Chunk exceeds message size limit", reply.ToString());
        Assert.Equal(SessionAction.Close, reply.Action);
    }
}
