namespace SmtpConsole.PracticeServer.Tests;

public sealed class SmtpParameterSyntaxTests
{
    [Theory]
    [InlineData("abc", true)]
    [InlineData("a+2Bb", true)]
    [InlineData("", true)]
    [InlineData("a+2b", true)]
    [InlineData("a+2", false)]
    [InlineData("a+0A", false)]
    [InlineData("a+20b", true)]
    [InlineData("\u00e4", false)]
    [InlineData("a=b", true)]
    [InlineData("a b", false)]
    public void Xtext(string value, bool valid) => Assert.Equal(valid, SmtpParameterSyntax.IsXtext(value));

    [Theory]
    [InlineData("NEVER", true)]
    [InlineData("success,failure,delay", true)]
    [InlineData("SUCCESS,SUCCESS", false)]
    [InlineData("NEVER,DELAY", false)]
    [InlineData("", false)]
    public void Notify(string value, bool valid) => Assert.Equal(valid, SmtpParameterSyntax.IsDsnNotify(value));

    [Theory]
    [InlineData("FULL", true)]
    [InlineData("hdrs", true)]
    [InlineData("BODY", false)]
    public void Return(string value, bool valid) => Assert.Equal(valid, SmtpParameterSyntax.IsDsnReturn(value));

    [Theory]
    [InlineData("rfc822;a@b", true)]
    [InlineData("utf-8;caf\\x{E9}@b", true)]
    [InlineData("rfc822;", true)]
    [InlineData(";a@b", false)]
    [InlineData("rfc822;a=b", true)]
    [InlineData("rfc822;a+0D", false)]
    public void Original_recipient(string value, bool valid) => Assert.Equal(valid, SmtpParameterSyntax.IsOriginalRecipient(value));
}
