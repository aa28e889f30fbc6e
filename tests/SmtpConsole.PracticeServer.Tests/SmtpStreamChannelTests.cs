using System.Text;

namespace SmtpConsole.PracticeServer.Tests;

public sealed class SmtpStreamChannelTests
{
    private static SmtpStreamChannel Channel(ScriptedDuplexStream stream, double timeoutSeconds = 10) =>
        new(stream, TimeSpan.FromSeconds(timeoutSeconds), CancellationToken.None);

    private static byte[] Bytes(string text) => Encoding.Latin1.GetBytes(text);

    [Fact]
    public async Task Lines_may_be_split_anywhere_including_between_cr_and_lf()
    {
        var channel = Channel(new ScriptedDuplexStream([Bytes("NO"), Bytes("OP\r"), Bytes("\nQUIT\n")]));
        Assert.Equal(new LineReadResult(LineReadStatus.Line, "NOOP"), await channel.ReadLineAsync(100));
        Assert.Equal(new LineReadResult(LineReadStatus.Line, "QUIT"), await channel.ReadLineAsync(100));
        Assert.Equal(LineReadStatus.EndOfStream, (await channel.ReadLineAsync(100)).Status);
    }

    [Fact]
    public async Task Overlong_line_is_reported_once_and_its_rest_skipped()
    {
        var channel = Channel(new ScriptedDuplexStream([Bytes(new string('A', 50)), Bytes(new string('A', 50)), Bytes("AAA\r\nNOOP\r\n")]));
        Assert.Equal(LineReadStatus.TooLong, (await channel.ReadLineAsync(20)).Status);
        Assert.Equal(new LineReadResult(LineReadStatus.Line, "NOOP"), await channel.ReadLineAsync(20));
    }

    [Theory]
    [InlineData("12345\r\n", true)]
    [InlineData("123456\r\n", false)]
    [InlineData("123456\n", false)]
    public async Task The_limit_excludes_the_line_ending(string line, bool fits)
    {
        var channel = Channel(new ScriptedDuplexStream([Bytes(line)]));
        Assert.Equal(fits ? LineReadStatus.Line : LineReadStatus.TooLong, (await channel.ReadLineAsync(5)).Status);
    }

    [Fact]
    public async Task Invalid_utf8_is_reported()
    {
        var channel = Channel(new ScriptedDuplexStream([[0x41, 0xFF, 0x0A]]));
        Assert.Equal(LineReadStatus.InvalidEncoding, (await channel.ReadLineAsync(100)).Status);
    }

    [Fact]
    public async Task Replies_wait_while_pipelined_input_is_buffered_and_go_out_before_the_next_network_read()
    {
        var stream = new ScriptedDuplexStream([Bytes("A\r\nB\r\n"), Bytes("C\r\n")]);
        var channel = Channel(stream);
        await channel.ReadLineAsync(100);
        channel.Write(SessionReply.Line("250 a"));
        await channel.ReadLineAsync(100);
        channel.Write(SessionReply.Line("250 b"));
        await channel.ReadLineAsync(100);
        Assert.Equal(["read", "write:250 a\r\n250 b", "read"], stream.Events);
    }

    [Fact]
    public async Task Message_data_stops_at_the_end_mark_and_leaves_what_follows()
    {
        var channel = Channel(new ScriptedDuplexStream([Bytes("Subject: x\r\n\r\n..hi\r"), Bytes("\n.\r\nQUIT\r\n")]));
        var content = new MessageContentBuffer(1000);
        Assert.True(await channel.ReadMessageDataAsync(new DotUnstuffingDecoder(), content));
        Assert.Equal("Subject: x\r\n\r\n.hi\r\n", Encoding.Latin1.GetString(content.ToArray()));
        Assert.Equal("QUIT", (await channel.ReadLineAsync(100)).Line);
    }

    [Fact]
    public async Task Chunk_reads_exactly_the_announced_bytes()
    {
        var channel = Channel(new ScriptedDuplexStream([Bytes("abc"), Bytes("defNOOP\r\n")]));
        var content = new MessageContentBuffer(1000);
        Assert.True(await channel.ReadChunkAsync(6, content));
        Assert.Equal("abcdef", Encoding.Latin1.GetString(content.ToArray()));
        Assert.Equal("NOOP", (await channel.ReadLineAsync(100)).Line);
    }

    [Fact]
    public async Task End_of_stream_in_the_middle_of_content_is_reported()
    {
        var content = new MessageContentBuffer(1000);
        Assert.False(await Channel(new ScriptedDuplexStream([Bytes("half")])).ReadMessageDataAsync(new DotUnstuffingDecoder(), content));
        Assert.False(await Channel(new ScriptedDuplexStream([Bytes("half")])).ReadChunkAsync(10, content));
    }

    [Fact]
    public async Task A_silent_client_times_out()
    {
        var channel = Channel(new ScriptedDuplexStream([], hangAtEnd: true), timeoutSeconds: 0.1);
        await Assert.ThrowsAsync<TimeoutException>(() => channel.ReadLineAsync(100));
    }
}
