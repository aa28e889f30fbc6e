using SmtpConsole.Core.Analysis;
using SmtpConsole.Core.Protocol;

namespace SmtpConsole.Core.Tests.Analysis;

public class SessionAdvisorTests
{
    private static readonly EhloCapabilities PlainWithAuth = EhloCapabilities.Parse(["mx.example", "AUTH PLAIN LOGIN", "STARTTLS", "SIZE 1000"]);
    private static readonly EhloCapabilities PlainNoTls = EhloCapabilities.Parse(["mx.example", "PIPELINING"]);
    private static readonly EhloCapabilities TlsAuth = EhloCapabilities.Parse(["mx.example", "AUTH PLAIN LOGIN", "SIZE 1000"]);

    [Fact]
    public void AfterEhlo_PasswordMechanismsInClear_Warns()
    {
        var advice = new SessionAdvisor().AfterEhlo(PlainWithAuth, isTls: false).ToList();
        Assert.Contains(advice, a => a.IsWarning && a.Text.Contains("without TLS", StringComparison.Ordinal));
    }

    [Fact]
    public void AfterEhlo_NoStartTlsOnPlainConnection_Warns()
    {
        var advice = new SessionAdvisor().AfterEhlo(PlainNoTls, isTls: false).ToList();
        Assert.Contains(advice, a => a.IsWarning && a.Text.Contains("does not offer STARTTLS", StringComparison.Ordinal));
    }

    [Fact]
    public void AfterEhlo_OverTls_SaysNothing() => Assert.Empty(new SessionAdvisor().AfterEhlo(TlsAuth, isTls: true));

    [Fact]
    public void AfterEhlo_ProfilePrefersAnUnofferedMechanism_Warns()
    {
        var advisor = new SessionAdvisor { Rules = new AdvisorRules("Example", false, ["XOAUTH2"]) };
        var advice = advisor.AfterEhlo(TlsAuth, isTls: true).ToList();
        Assert.Contains(advice, a => a.IsWarning && a.Text.Contains("prefers XOAUTH2", StringComparison.Ordinal));
    }

    [Fact]
    public void BeforeCommand_SizeOverTheLimit_PredictsA552()
    {
        var advice = new SessionAdvisor().BeforeCommand("MAIL FROM:<a@example.test> SIZE=5000", TlsAuth, null).ToList();
        Assert.Contains(advice, a => a.IsWarning && a.Text.Contains("expect 552", StringComparison.Ordinal));
    }

    [Fact]
    public void BeforeCommand_SenderOtherThanTheLogin_WarnsWhenTheProviderRequiresIt()
    {
        var advisor = new SessionAdvisor { Rules = new AdvisorRules("QQ Mail", FromMustEqualLogin: true, []) };
        Assert.Contains(advisor.BeforeCommand("MAIL FROM:<other@example.test>", TlsAuth, "me@qq.com"), a => a.IsWarning && a.Text.StartsWith("QQ Mail", StringComparison.Ordinal));
        Assert.Empty(advisor.BeforeCommand("MAIL FROM:<me@qq.com>", TlsAuth, "me@qq.com"));
    }

    [Fact]
    public void OnBodyLine_EightBitWithout8BitMime_WarnsOnce()
    {
        var advisor = new SessionAdvisor();
        Assert.Single(advisor.OnBodyLine("héllo", PlainNoTls));
        Assert.Empty(advisor.OnBodyLine("wörld", PlainNoTls));
    }

    [Fact]
    public void Advisor_WarnsAboutSyntaxAndMissingExtensions()
    {
        var postfix = EhloCapabilities.Parse(["mx.example", "PIPELINING", "SIZE 10240000", "DSN", "8BITMIME"]);
        var advisor = new SessionAdvisor();
        var advice = advisor.BeforeCommand("MAIL FROM:<a@example.test> SIZE=abc RET=HDRS", EhloCapabilities.Parse(["mx.example", "PIPELINING"]), null).ToList();
        Assert.Contains(advice, a => a.IsWarning && a.Text.Contains("not a number", StringComparison.Ordinal));
        Assert.Contains(advice, a => a.IsWarning && a.Text.Contains("did not advertise DSN", StringComparison.Ordinal));
        Assert.Empty(advisor.BeforeCommand("RCPT TO:<b@example.test> NOTIFY=SUCCESS,FAILURE", postfix, null));
    }
}
