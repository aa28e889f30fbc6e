using SmtpConsole.Core.Protocol;

namespace SmtpConsole.Core.Tests.Protocol;

public class SmtpCommandTextTests
{
    [Theory]
    [InlineData("MAIL FROM:<a@b>\r\nRCPT TO:<evil@x>")]
    [InlineData("EHLO x\n")]
    [InlineData("NOOP\0")]
    public void Problem_RefusesLineBreaksAndNul(string line) => Assert.NotNull(SmtpCommandText.Problem(line));

    [Fact]
    public void Problem_AcceptsOrdinaryCommand() => Assert.Null(SmtpCommandText.Problem("MAIL FROM:<a@b> SIZE=10"));

    [Theory]
    [InlineData("mail from:<a@b>", "MAIL")]
    [InlineData("  ehlo x", "EHLO")]
    [InlineData("QUIT", "QUIT")]
    public void Verb_IsFirstWordUpperCase(string line, string verb) => Assert.Equal(verb, SmtpCommandText.Verb(line));

    [Theory]
    [InlineData("EHLO me.example", "me.example")]
    [InlineData("EHLO\tme.example", "me.example")]
    [InlineData("  ehlo \t me.example  ", "me.example")]
    [InlineData("RCPT TO:<a@b>", "TO:<a@b>")]
    [InlineData("EHLO", "")]
    [InlineData("EHLO \t ", "")]
    public void Argument_IsWhatFollowsTheVerb_AtAnySmtpWhitespace(string line, string expected)
    {
        Assert.Equal(expected, SmtpCommandText.Argument(line));
    }
}
