using SmtpConsole.Core.Commands;
using SmtpConsole.Core.Protocol;
using SmtpConsole.Core.Sasl;
using SmtpConsole.Core.Session;

namespace SmtpConsole.Core.Tests.Commands;

public class CommandLineParserTests
{
    [Fact]
    public void Raw_LineIsSentAsIs() => Assert.Equal("MAIL FROM:<a@b>", Assert.IsType<RawCommand>(CommandLineParser.Parse("MAIL FROM:<a@b>")).Line);

    [Theory]
    [InlineData("/connect mail.example 587 --starttls", "mail.example", 587, SecurityMode.StartTls)]
    [InlineData("/connect mail.example:465 --tls", "mail.example", 465, SecurityMode.Tls)]
    [InlineData("/connect ::1 25", "::1", 25, null)]
    [InlineData("/connect gmail", "gmail", null, null)]
    public void Connect_Forms(string line, string host, int? port, SecurityMode? security)
    {
        var c = Assert.IsType<ConnectCommand>(CommandLineParser.Parse(line));
        Assert.Equal((host, port, security), (c.Target, c.Port, c.Security));
    }

    [Fact]
    public void Auth_SecretIsNeverInDisplay()
    {
        var c = Assert.IsType<AuthCommand>(CommandLineParser.Parse("/auth LOGIN alice hunter2 --initial"));
        Assert.Equal(("LOGIN", "alice", "hunter2", InitialResponseMode.Always), (c.Mechanism, c.User, c.Secret, c.InitialResponse));
        Assert.DoesNotContain("hunter2", c.Display);
    }

    [Fact]
    public void Auth_QuotedSecretKeepsSpaces() => Assert.Equal("a b", Assert.IsType<AuthCommand>(CommandLineParser.Parse("/auth plain u \"a b\"")).Secret);

    [Theory]
    [InlineData("/auth", "usage")]
    [InlineData("/auth md4 alice", "unknown mechanism")]
    [InlineData("/connect", "usage")]
    [InlineData("/connect h 99999", "not a port")]
    [InlineData("/connect h --tls --plain", "choose one")]
    [InlineData("/conect h", "did you mean /connect")]
    [InlineData("/data file.eml", "usage")]
    [InlineData("/expect 2", "not a reply code")]
    [InlineData("/expect 250 /unclosed", "/REGEX/")]
    [InlineData("/expect 250 /(/", "invalid regular expression")]
    [InlineData("/b64 \"unterminated", "")]
    public void Errors_SayWhatWasExpected(string line, string message)
    {
        var ex = Assert.Throws<CommandSyntaxException>(() => CommandLineParser.Parse(line));
        Assert.Contains(message, ex.Message);
    }

    [Theory]
    [InlineData("2xx", 250, true)]
    [InlineData("25x", 251, true)]
    [InlineData("250|251", 251, true)]
    [InlineData("250", 550, false)]
    [InlineData("5xx", 535, true)]
    public void Expect_CodePatterns(string pattern, int code, bool passes)
    {
        var spec = ExpectationSpec.Parse(pattern);
        Assert.Equal(passes, spec.Evaluate(SmtpReply.Create(code, "text")).Passed);
    }

    [Fact]
    public void Expect_RegexOverReplyText()
    {
        var spec = ExpectationSpec.Parse("250 /queued as [A-F0-9]+/i");
        Assert.True(spec.Evaluate(SmtpReply.Create(250, "2.0.0 Ok: QUEUED AS 1A2B")).Passed);
        Assert.False(spec.Evaluate(SmtpReply.Create(250, "2.0.0 Ok")).Passed);
        Assert.False(spec.Evaluate(null).Passed);
    }
}
