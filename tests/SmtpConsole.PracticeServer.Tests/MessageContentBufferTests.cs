namespace SmtpConsole.PracticeServer.Tests;

public sealed class MessageContentBufferTests
{
    [Fact]
    public void Stores_up_to_the_limit_then_only_counts()
    {
        var buffer = new MessageContentBuffer(4);
        buffer.Append("abcd"u8);
        Assert.False(buffer.LimitExceeded);
        buffer.Append("ef"u8);
        buffer.Append(new byte[1000]);
        Assert.True(buffer.LimitExceeded);
        Assert.Equal(1006, buffer.TotalBytes);
        Assert.Equal("abcd"u8.ToArray(), buffer.ToArray());
    }

    [Fact]
    public void Discarding_counts_without_storing_and_reset_starts_over()
    {
        var buffer = new MessageContentBuffer(100) { Discarding = true };
        buffer.Append("abc"u8);
        Assert.Equal(3, buffer.TotalBytes);
        Assert.Empty(buffer.ToArray());
        buffer.Reset();
        Assert.False(buffer.Discarding);
        Assert.Equal(0, buffer.TotalBytes);
        buffer.Append("x"u8);
        Assert.Equal("x"u8.ToArray(), buffer.ToArray());
    }
}
