using SmtpConsole.Core.Diagnosis;
using SmtpConsole.Core.Protocol;

namespace SmtpConsole.Core.Tests.Diagnosis;

public sealed class ReplyExplainerTests
{
    private static Explanation Explain(string text, string? host = null, string? phase = null, string? greeting = null)
    {
        var parsed = PastedReplyParser.Parse(text);
        Assert.True(parsed.IsSuccess, parsed.Error);
        var facts = parsed.Facts! with { Host = host ?? parsed.Facts!.Host, Phase = phase ?? parsed.Facts!.Phase, Greeting = greeting };
        return ReplyExplainer.Explain(facts);
    }

    [Fact]
    public void Gmail_BadCredentials_HintAndMeanings()
    {
        var e = Explain("535-5.7.8 Username and Password not accepted. Learn more at\n535 5.7.8 https://support.google.com/mail/?p=BadCredentials x - gsmtp", "smtp.gmail.com");
        Assert.Equal("gmail-535-bad-credentials", e.Best!.Entry.Id);
        Assert.Equal("gmail", e.Provider!.Id);
        Assert.StartsWith("5xx permanent failure", e.ReplyClass, StringComparison.Ordinal);
        Assert.Equal("Authentication credentials invalid", e.EnhancedMeaning!.Title);
        Assert.Equal("Security or policy status", e.EnhancedSubject!.Title);
        Assert.Equal("Gmail: wrong password or not an App Password", e.OneLineHint);
        Assert.Contains("Gmail", e.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void ProviderSpecific_BeatsGeneric()
    {
        var e = Explain("535 5.7.8 Authentication failed.", greeting: "mail.example.com Dovecot ready.");
        Assert.Equal("dovecot-535-auth-failed", e.Best!.Entry.Id);
        Assert.Contains(e.Matches, m => m.Entry.Id == "generic-535-credentials-invalid");
        var generic = e.Matches.First(m => m.Entry.IsGeneric);
        Assert.True(e.Best.Score > generic.Score);
    }

    [Fact]
    public void SharedWording_WithoutProvider_FallsBackToGeneric()
    {
        var e = Explain("535 Authentication Failed");
        Assert.True(e.Best!.Entry.IsGeneric, e.Best.Entry.Id);
        Assert.Null(e.Provider);
    }

    [Fact]
    public void DistinctiveWording_InfersProvider()
    {
        var e = Explain("535 5.7.0 Mailgun is not loving your login or password");
        Assert.Equal("mailgun-535-not-loving", e.Best!.Entry.Id);
        Assert.Equal("mailgun", e.Provider!.Id);
    }

    [Fact]
    public void CodeEnhancedPattern_Beats_CodePattern_Beats_CodeOnly()
    {
        var kbJson = """
            {"entries":[
             {"id":"code-only","codes":["550"],"title":"t","cause":"c","fix":["f"],"source":"s"},
             {"id":"code-pattern","codes":["550"],"pattern":"relay","title":"t","cause":"c","fix":["f"],"source":"s"},
             {"id":"code-enh-pattern","codes":["550"],"enhanced":"5.7.1","pattern":"relay","title":"t","cause":"c","fix":["f"],"source":"s"}
            ]}
            """;
        var kb = KnowledgeBase.FromJson(kbJson, """{"providers":[]}""", """{"codes":[]}""");
        Assert.Empty(kb.Problems);
        var e = ReplyExplainer.Explain(new ReplyFacts(550, new EnhancedStatusCode(5, 7, 1), ["Relaying denied"]), kb);
        Assert.Equal(["code-enh-pattern", "code-pattern", "code-only"], e.Matches.Select(m => m.Entry.Id));
    }

    [Fact]
    public void PhaseBonus_PicksTheMailFromTrap()
    {
        var e = Explain("530 5.7.0 Authentication required", phase: "MAIL");
        Assert.Equal("trap-mail-from-auth-required", e.Best!.Entry.Id);
        Assert.Contains("AUTH", e.OneLineHint, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("503 5.5.1 Error: need AUTH first")]
    [InlineData("550 5.7.1 Authentication is required for relay")]
    [InlineData("530 5.7.57 Client not authenticated to send mail")]
    public void MailFromTrap_ForUnknownServers(string reply)
    {
        var e = Explain(reply, phase: "MAIL");
        Assert.Contains(e.Matches.Take(2), m => m.Entry.Id is "trap-mail-from-auth-required" or "m365-530-5.7.57-not-authenticated");
    }

    [Fact]
    public void PostfixAuthBeforeTls()
    {
        var e = Explain("504 5.5.4 Encryption required for requested authentication mechanism", phase: "AUTH");
        Assert.Equal("postfix-504-encryption-required", e.Best!.Entry.Id);
    }

    [Fact]
    public void WrongEnhancedCode_ExcludesEntry()
    {
        var e = Explain("535 5.7.3 Username and Password not accepted", "smtp.gmail.com");
        Assert.DoesNotContain(e.Matches, m => m.Entry.Id == "gmail-534-app-password-required");
    }

    [Fact]
    public void PhaseMismatch_Penalises()
    {
        var e1 = Explain("535 5.7.8 Authentication credentials invalid", phase: "AUTH");
        var e2 = Explain("535 5.7.8 Authentication credentials invalid", phase: "DATA");
        int s1 = e1.Matches.First(m => m.Entry.Id == "generic-535-credentials-invalid").Score;
        int s2 = e2.Matches.First(m => m.Entry.Id == "generic-535-credentials-invalid").Score;
        Assert.True(s1 > s2);
    }

    [Fact]
    public void QqGbkMojibake_MatchesOnAsciiParts()
    {
        var e = Explain("535 Error: ÇëÊ¹ÓÃÊÚÈ¨ÂëµÇÂ¼¡£ÏêÇéÇë¿´: http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=28&&no=1001256");
        Assert.Equal("qq-535-authorization-code", e.Best!.Entry.Id);
        Assert.Equal("qq", e.Provider!.Id);
    }

    [Fact]
    public void SuccessReplies_HaveNoHint()
    {
        var e = ReplyExplainer.Explain(new ReplyFacts(235, new EnhancedStatusCode(2, 7, 0), ["Authentication successful"]));
        Assert.Null(e.OneLineHint);
        Assert.Equal("generic-235-auth-ok", e.Best!.Entry.Id);
    }

    [Fact]
    public void UnknownCode_StillExplainsClass()
    {
        var e = ReplyExplainer.Explain(new ReplyFacts(599, null, ["strange"]));
        Assert.Equal("generic-5xx", e.Best!.Entry.Id);
        Assert.NotNull(e.OneLineHint);
        // Core names no front end's key (issue 17 item 2): the TUI adds its own pointer to the explanation.
        Assert.DoesNotContain("F4", e.OneLineHint, StringComparison.Ordinal);
    }

    [Fact]
    public void Hint_IsShort()
    {
        foreach (var c in ReplyCorpus.Cases)
        {
            var e = ReplyCorpusTests.Explain(c);
            Assert.True(e.OneLineHint!.Length <= 100, e.OneLineHint);
        }
    }

    [Fact]
    public void ProviderHint_FromProfile_Wins()
    {
        var facts = new ReplyFacts(535, null, ["Authentication Failed"]) { ProviderHint = "zoho", Phase = "AUTH" };
        Assert.Equal("zoho-535-auth-failed", ReplyExplainer.Explain(facts).Best!.Entry.Id);
    }
}
