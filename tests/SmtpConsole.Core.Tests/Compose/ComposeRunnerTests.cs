using SmtpConsole.Core.Commands;
using SmtpConsole.Core.Tests.Support;
using SmtpConsole.Core.Transcript;

namespace SmtpConsole.Core.Tests.Compose;

public class ComposeRunnerTests
{
    [Fact]
    public async Task Compose_RunsMailRcptData_ShowingEachStep_AndGoesOnPastARefusedRecipient()
    {
        var messages = new List<List<string>>();
        await using var server = new ScriptedSmtpServer(c => MiniSmtp.ServeAsync(c, messages));
        await using var h = new SessionHarness(server.Port);
        await h.Runner.ConnectToAsync(h.Options);
        await h.Runner.ExecuteAsync("/ehlo");
        var outcome = await h.Runner.ExecuteAsync("/compose --from alice@mini.test --to bob@mini.test --to nobody@mini.test --subject \"报告 Q3\" --text \"hello\\nworld\"");
        Assert.Equal(StepStatus.Ok, outcome.Status);
        Assert.Equal(250, outcome.Result!.Reply!.Code);
        var sends = h.Sink.OfKind(TranscriptEventKind.Send).Select(e => e.Text).ToList();
        Assert.Contains("MAIL FROM:<alice@mini.test>", sends);
        Assert.Contains("RCPT TO:<bob@mini.test>", sends);
        Assert.Contains("RCPT TO:<nobody@mini.test>", sends);
        Assert.Contains("DATA", sends);
        Assert.Contains(h.Sink.Events, e => e.Kind == TranscriptEventKind.Warn && e.Text.Contains("1 of 2 recipient(s) refused"));
        Assert.Contains(h.Sink.Events, e => e.Kind == TranscriptEventKind.Info && e.Text.StartsWith("composed ", StringComparison.Ordinal));
        var body = Assert.Single(messages);
        Assert.Contains(body, l => l.StartsWith("Subject: =?utf-8?", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("hello", body);
        Assert.Contains("world", body);
        Assert.Contains(h.Sink.Events, e => e.Helper == HelperBoundary.Start && e.Text.StartsWith("/compose", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Compose_EveryRecipientRefused_SendsRsetAndFails()
    {
        await using var server = new ScriptedSmtpServer(c => MiniSmtp.ServeAsync(c));
        await using var h = new SessionHarness(server.Port);
        await h.Runner.ConnectToAsync(h.Options);
        await h.Runner.ExecuteAsync("/ehlo");
        var outcome = await h.Runner.ExecuteAsync("/compose --from alice@mini.test --to nobody@mini.test --subject s --text t");
        Assert.Equal(StepStatus.Failed, outcome.Status);
        Assert.Contains("RSET", server.Received);
        Assert.DoesNotContain("DATA", server.Received);
    }

    [Fact]
    public async Task SendDraft_IsRecordedAsAReplayableComposeLine()
    {
        await using var server = new ScriptedSmtpServer(c => MiniSmtp.ServeAsync(c));
        await using var h = new SessionHarness(server.Port);
        await h.Runner.ConnectToAsync(h.Options);
        await h.Runner.ExecuteAsync("/ehlo");
        var draft = new Core.Compose.MessageDraft { From = "alice@mini.test", To = ["bob@mini.test"], Subject = "from the dialog", Text = "x" };
        Assert.Equal(StepStatus.Ok, (await h.Runner.SendDraftAsync(draft)).Status);
        Assert.Contains(h.Sink.Events, e => e.Helper == HelperBoundary.Start && e.Text == draft.ToCommandLine());
        Assert.Equal("from the dialog", h.Runner.Preview(draft).Message.Subject);
    }

    [Fact]
    public async Task Compose_BadAttachment_IsUsageError_NothingSent()
    {
        await using var server = new ScriptedSmtpServer(c => MiniSmtp.ServeAsync(c));
        await using var h = new SessionHarness(server.Port);
        await h.Runner.ConnectToAsync(h.Options);
        var outcome = await h.Runner.ExecuteAsync("/compose --from a@mini.test --to b@mini.test --subject s --attach @/no/such/file.bin");
        Assert.Equal(StepStatus.UsageError, outcome.Status);
        Assert.DoesNotContain(server.Received, l => l.StartsWith("MAIL", StringComparison.Ordinal));
    }
}
