using SmtpConsole.Core.Protocol;

namespace SmtpConsole.Core.Tests.Protocol;

public class MailParametersTests
{
    private static readonly EhloCapabilities Postfix = EhloCapabilities.Parse(
        ["mx.example.test", "PIPELINING", "SIZE 10240000", "VRFY", "ETRN", "STARTTLS", "ENHANCEDSTATUSCODES", "8BITMIME", "DSN", "SMTPUTF8", "CHUNKING"]);

    private static readonly EhloCapabilities Bare = EhloCapabilities.Parse(["old.example", "SIZE 1000"]);

    [Fact]
    public void Completions_AfterPostfixEhlo_OfferWhatItAdvertised()
    {
        var mail = MailParameters.Completions(Postfix, "MAIL");
        Assert.Equal(["SIZE=", "BODY=8BITMIME", "BODY=7BIT", "SMTPUTF8", "RET=FULL", "RET=HDRS", "ENVID="], mail);
        var rcpt = MailParameters.Completions(Postfix, "RCPT");
        Assert.Contains("NOTIFY=SUCCESS,FAILURE", rcpt);
        Assert.Contains("ORCPT=rfc822;", rcpt);
        Assert.DoesNotContain("SIZE=", rcpt);
    }

    [Fact]
    public void Completions_LeaveOutWhatWasNotAdvertised_AndWhatIsAlreadyTyped()
    {
        Assert.Equal(["SIZE="], MailParameters.Completions(Bare, "MAIL"));
        Assert.Empty(MailParameters.Completions(Bare, "RCPT"));
        var rest = MailParameters.Completions(Postfix, "MAIL", "MAIL FROM:<a@b> SIZE=100 RET=HDRS");
        Assert.DoesNotContain("SIZE=", rest);
        Assert.DoesNotContain("RET=FULL", rest);
        Assert.Contains("ENVID=", rest);
    }

    [Fact]
    public void Completions_BeforeEhlo_OfferEverythingForTheVerb()
    {
        var mail = MailParameters.Completions(EhloCapabilities.None, "MAIL");
        Assert.Contains("REQUIRETLS", mail);
        Assert.Contains("BODY=BINARYMIME", mail);
        Assert.Contains("NOTIFY=NEVER", MailParameters.Completions(EhloCapabilities.None, "rcpt"));
    }

    [Theory]
    [InlineData("MAIL", " SIZE=12345 BODY=8BITMIME SMTPUTF8 RET=HDRS ENVID=QQ+2B1")]
    [InlineData("RCPT", " NOTIFY=SUCCESS,FAILURE,DELAY ORCPT=rfc822;bob@example.test")]
    [InlineData("RCPT", " NOTIFY=NEVER")]
    [InlineData("MAIL", "")]
    public void Check_AcceptsValidParameters(string verb, string parameters) => Assert.Empty(MailParameters.Check(verb, parameters));

    [Theory]
    [InlineData("MAIL", "SIZE=big", "not a number")]
    [InlineData("MAIL", "BODY=8BIT", "not a body type")]
    [InlineData("MAIL", "RET=ALL", "RET=FULL")]
    [InlineData("MAIL", "NOTIFY=SUCCESS", "belongs on RCPT TO")]
    [InlineData("RCPT", "RET=FULL", "belongs on MAIL FROM")]
    [InlineData("RCPT", "NOTIFY=NEVER,SUCCESS", "NEVER cannot be combined")]
    [InlineData("RCPT", "NOTIFY=SUCCESS,FAILED", "\"FAILED\" is not a notification type")]
    [InlineData("RCPT", "NOTIFY=", "needs a value")]
    [InlineData("RCPT", "ORCPT=bob@example.test", "needs an address type")]
    [InlineData("MAIL", "SMTPUTF8=yes", "takes no value")]
    [InlineData("MAIL", "SIZE=1 SIZE=2", "appears twice")]
    [InlineData("MAIL", "BODY=BINARYMIME", "BDAT")]
    public void Check_FlagsEachMistakeInWords(string verb, string parameters, string expected) =>
        Assert.Contains(MailParameters.Check(verb, parameters), p => p.Contains(expected, StringComparison.Ordinal));

    [Fact]
    public void Check_RawEnvidAndOrcpt_ShowTheXTextEncodedForm()
    {
        var envid = Assert.Single(MailParameters.Check("MAIL", "ENVID=a=b"));
        Assert.Contains("ENVID=a+3Db", envid);
        var orcpt = Assert.Single(MailParameters.Check("RCPT", "ORCPT=rfc822;jörg+tag@example.test"));
        Assert.Contains("ORCPT=rfc822;j+C3+B6rg+2Btag@example.test", orcpt);
        // Already-encoded parts are kept, not encoded twice.
        var mixed = Assert.Single(MailParameters.Check("MAIL", "ENVID=x+2By=z"));
        Assert.Contains("ENVID=x+2By+3Dz", mixed);
    }

    [Fact]
    public void Check_RequireTlsOnPlainConnection_Warns()
    {
        Assert.Contains(MailParameters.Check("MAIL", "REQUIRETLS", isTls: false), p => p.Contains("only valid over TLS"));
        Assert.Empty(MailParameters.Check("MAIL", "REQUIRETLS", isTls: true));
    }

    [Fact]
    public void OriginalRecipient_EncodesTheAddress() =>
        Assert.Equal("rfc822;a+2Bb@example.test", MailParameters.OriginalRecipient("a+b@example.test"));
}
