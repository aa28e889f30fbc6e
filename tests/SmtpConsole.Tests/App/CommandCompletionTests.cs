using SmtpConsole.Core.Protocol;

namespace SmtpConsole.Tests.App;

public sealed class CommandCompletionTests
{
    private static readonly CompletionContext Advertised = new(
        EhloCapabilities.Parse(["mx.example", "AUTH LOGIN PLAIN", "SIZE 1000", "8BITMIME", "DSN", "SMTPUTF8"]), ["gmail", "local"]);

    [Theory]
    [InlineData("EH", "EHLO ")]
    [InlineData("eh", "ehlo ")]
    [InlineData("MA", "MAIL FROM:<")]
    [InlineData("STA", "STARTTLS")]
    [InlineData("/sta", "/starttls")]
    [InlineData("/con", "/connect ")]
    public void FirstWord_CompletesVerbsAndHelpers(string typed, string expected) =>
        Assert.Contains(expected, CommandCompletion.Candidates(typed, CompletionContext.Empty));

    [Fact]
    public void Auth_OffersTheAdvertisedMechanisms()
    {
        Assert.Equal(["AUTH LOGIN", "AUTH PLAIN"], CommandCompletion.Candidates("AUTH ", Advertised));
        Assert.Equal(["/auth login", "/auth plain"], CommandCompletion.Candidates("/auth ", Advertised));
    }

    [Fact]
    public void MailFrom_OffersParametersOfAdvertisedExtensions()
    {
        var candidates = CommandCompletion.Candidates("MAIL FROM:<a@b> ", Advertised);
        Assert.Contains("MAIL FROM:<a@b> SIZE=", candidates);
        Assert.Contains("MAIL FROM:<a@b> BODY=8BITMIME", candidates);
        Assert.Contains("MAIL FROM:<a@b> SMTPUTF8", candidates);
        Assert.Contains("MAIL FROM:<a@b> RET=HDRS", candidates);
        Assert.Contains("MAIL FROM:<a@b> ENVID=", candidates);
        Assert.DoesNotContain("MAIL FROM:<a@b> REQUIRETLS", candidates);
        Assert.DoesNotContain("MAIL FROM:<a@b> BODY=BINARYMIME", candidates);
    }

    [Fact]
    public void RcptTo_OffersNotifyWhenDsnIsAdvertised()
    {
        Assert.Contains("RCPT TO:<a@b> NOTIFY=SUCCESS,FAILURE", CommandCompletion.Candidates("RCPT TO:<a@b> N", Advertised));
        var noDsn = new CompletionContext(EhloCapabilities.Parse(["mx.example", "SIZE 1"]), []);
        Assert.Empty(CommandCompletion.Candidates("RCPT TO:<a@b> N", noDsn));
    }

    [Fact]
    public void Connect_OffersProfilesThenOptions()
    {
        Assert.Equal(["/connect gmail"], CommandCompletion.Candidates("/connect g", Advertised));
        Assert.Contains("/connect smtp.example --starttls", CommandCompletion.Candidates("/connect smtp.example --s", Advertised));
    }

    [Fact]
    public void CommonPrefix_IgnoresCase() =>
        Assert.Equal("AUTH ", CommandCompletion.CommonPrefix(["AUTH LOGIN", "auth plain"]));
}
