using SmtpConsole.Core.Commands;
using SmtpConsole.Core.Session;
using SmtpConsole.Core.Transcript;
using SmtpConsole.IntegrationTests.Infrastructure;
using SmtpConsole.IntegrationTests.Support;

namespace SmtpConsole.IntegrationTests.Breadth;

/// <summary>MAIL/RCPT extension parameters against Postfix (DSN) and aiosmtpd (SMTPUTF8).</summary>
[Collection(LocalServersCollection.Name)]
public class MailParameterTests(LocalServers servers)
{
    [Fact]
    public async Task DsnParameters_AreAcceptedByPostfix_WithoutWarnings()
    {
        await using var h = new EngineHarness(servers.EngineOptions(servers.Ports.Smtp, SecurityMode.Plain));
        string subject = $"dsn {Guid.NewGuid():N}";
        await h.Runner.ConnectToAsync(h.Options);
        await h.RunAsync(
            "/ehlo client.example.test",
            $"MAIL FROM:<{servers.Alice.Address}> SIZE=200 BODY=8BITMIME RET=HDRS ENVID=QQ+2B{Guid.NewGuid():N}",
            "/expect 250",
            $"RCPT TO:<{servers.Bob.Address}> NOTIFY=SUCCESS,FAILURE ORCPT=rfc822;{servers.Bob.Address}",
            "/expect 250",
            "/data", $"Subject: {subject}", "", "with DSN", ".",
            "QUIT");
        Assert.DoesNotContain(h.Events, e => e.Kind == TranscriptEventKind.Warn);
        await servers.WaitForDeliveredMessageAsync("bob", m => m.Contains(subject), TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task RawEnvidNeedingXText_IsFlaggedWithTheEncodedForm_BeforePostfixRefusesIt()
    {
        await using var h = new EngineHarness(servers.EngineOptions(servers.Ports.Smtp, SecurityMode.Plain));
        await h.Runner.ConnectToAsync(h.Options);
        await h.RunAsync("/ehlo client.example.test");
        var outcome = await h.Runner.ExecuteAsync($"MAIL FROM:<{servers.Alice.Address}> ENVID=a=b NOTIFY=NEVER");
        Assert.Contains(h.Events, e => e.Kind == TranscriptEventKind.Warn && e.Text.Contains("ENVID=a+3Db"));
        Assert.Contains(h.Events, e => e.Kind == TranscriptEventKind.Warn && e.Text.Contains("NOTIFY belongs on RCPT TO"));
        Assert.True(outcome.Result!.Reply!.Code >= 500, h.Dump());
        await h.RunAsync("QUIT");
    }

    [Fact]
    public async Task Aiosmtpd_ComposeWithNonAsciiSender_SendsSmtpUtf8()
    {
        await using var h = new EngineHarness(servers.EngineOptions(servers.Ports.Aiosmtpd, SecurityMode.Plain));
        string subject = $"utf8 compose {Guid.NewGuid():N}";
        await h.Runner.ConnectToAsync(h.Options);
        await h.RunAsync("/ehlo client.example.test");
        Assert.Contains("SMTPUTF8", Core.Protocol.MailParameters.Completions(h.Session.Capabilities, "MAIL"));
        await h.RunAsync($"/compose --from jörg@example.test --to {servers.Bob.Address} --subject \"{subject} grüße\" --text \"grüße aus Köln\"", "QUIT");
        Assert.Contains(h.Events, e => e.Kind == TranscriptEventKind.Send && e.Text.StartsWith("MAIL FROM:<jörg@example.test>", StringComparison.Ordinal) && e.Text.Contains(" SMTPUTF8"));
        var message = await servers.WaitForAiosmtpdCaptureAsync(m => m.Raw.Contains(subject), TimeSpan.FromSeconds(20));
        Assert.True(message.SmtpUtf8);
        Assert.Equal("jörg@example.test", message.MailFrom);
        Assert.Contains(message.MailOptions, o => o.Equals("SMTPUTF8", StringComparison.OrdinalIgnoreCase));
    }
}
