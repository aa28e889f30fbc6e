namespace SmtpConsole.PracticeServer.Tests;

public sealed class SmtpCommandTokenizerTests
{
    private static string[] Words(string line) => [.. SmtpCommandTokenizer.Tokenize(line).Select(token => token.Value)];

    [Theory]
    [InlineData("MAIL FROM:<a@b>", new[] { "MAIL", "FROM:", "<a@b>" })]
    [InlineData("MAIL FROM: <a@b> SIZE=1", new[] { "MAIL", "FROM:", "<a@b>", "SIZE=1" })]
    [InlineData("rcpt to:a@b", new[] { "rcpt", "to:", "a@b" })]
    [InlineData("  NOOP \t ", new[] { "NOOP" })]
    [InlineData("MAIL FROM:<\"a b\"@c>", new[] { "MAIL", "FROM:", "<\"a b\"@c>" })]
    [InlineData("Subject: hi", new[] { "Subject:", "hi" })]
    [InlineData("AUTH PLAIN AGRlbW8AcHJhY3RpY2U=", new[] { "AUTH", "PLAIN", "AGRlbW8AcHJhY3RpY2U=" })]
    [InlineData("X a\\ b", new[] { "X", "a\\ b" })]
    public void Splits_like_postfix(string line, string[] expected)
    {
        Assert.Equal(expected, Words(line));
    }

    [Fact]
    public void Empty_line_has_no_words()
    {
        Assert.Empty(SmtpCommandTokenizer.Tokenize(""));
        Assert.Empty(SmtpCommandTokenizer.Tokenize("   "));
    }

    [Theory]
    [InlineData("MAIL FROM:<a@b")]
    [InlineData("MAIL FROM:<\"a@b>")]
    [InlineData("MAIL FROM:\"a")]
    public void Unclosed_quotes_mark_the_word_malformed(string line)
    {
        Assert.True(SmtpCommandTokenizer.Tokenize(line)[^1].IsMalformed);
    }

    [Fact]
    public void Closed_quotes_are_not_malformed()
    {
        Assert.All(SmtpCommandTokenizer.Tokenize("MAIL FROM:<a@b> X"), token => Assert.False(token.IsMalformed));
    }
}
