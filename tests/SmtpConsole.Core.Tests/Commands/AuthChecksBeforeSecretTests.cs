using SmtpConsole.Core.Commands;
using SmtpConsole.Core.Tests.Support;
using SmtpConsole.Core.Transcript;

namespace SmtpConsole.Core.Tests.Commands;

/// <summary>
/// <c>/auth … USER</c> checks TLS and the advertised mechanisms, explains, asks consent, and only then asks for
/// the secret: the order lives in the runner, so the TUI and headless replay get it alike.
/// </summary>
public class AuthChecksBeforeSecretTests
{
    private sealed class OrderRecordingInteraction(bool consent) : IConsoleInteraction
    {
        public List<string> Calls { get; } = [];
        public Task<string?> PromptSecretAsync(string prompt, CancellationToken ct)
        {
            Calls.Add("secret");
            return Task.FromResult<string?>("pw");
        }
        public Task<bool> ConfirmPlaintextAuthAsync(string question, CancellationToken ct)
        {
            Calls.Add("confirm: " + question);
            return Task.FromResult(consent);
        }
        public void ReportDataProgress(long sent, long total) { }
    }

    /// <summary>A plain listener like Postfix on its submission port before STARTTLS: STARTTLS offered, AUTH not.</summary>
    private static ScriptedSmtpServer PlainWithoutAuth() => new(async c =>
    {
        await c.SendAsync("220 plain.test ESMTP\r\n");
        while (await c.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("EHLO", StringComparison.OrdinalIgnoreCase)) await c.SendAsync("250-plain.test\r\n250-STARTTLS\r\n250 8BITMIME\r\n");
            else if (line.StartsWith("QUIT", StringComparison.OrdinalIgnoreCase)) { await c.SendAsync("221 bye\r\n"); return; }
            else await c.SendAsync("530 5.7.0 Must issue a STARTTLS command first\r\n");
        }
    });

    [Fact]
    public async Task OnAPlainConnectionWithoutAuth_TheWarningAndConsentComeFirst_AndNoMeansNoSecretPrompt()
    {
        await using var server = PlainWithoutAuth();
        var interaction = new OrderRecordingInteraction(consent: false);
        await using var h = new SessionHarness(server.Port, interaction: interaction);
        await h.Runner.ConnectToAsync(h.Options);
        await h.Runner.ExecuteAsync("/ehlo");

        var outcome = await h.Runner.ExecuteAsync("/auth login alice");

        Assert.Equal(StepStatus.Failed, outcome.Status);
        var call = Assert.Single(interaction.Calls);
        Assert.StartsWith("confirm: ", call);
        Assert.Contains("did not advertise AUTH on this plain connection", call);
        Assert.Contains("STARTTLS", call);
        Assert.DoesNotContain(server.Received, l => l.StartsWith("AUTH", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(h.Sink.Events, e => e.Kind == TranscriptEventKind.Warn && e.Text.Contains("did not advertise AUTH", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithConsent_TheSecretIsAskedOnlyAfterTheChecks_AndTheWarningIsNotRepeated()
    {
        await using var server = PlainWithoutAuth();
        var interaction = new OrderRecordingInteraction(consent: true);
        await using var h = new SessionHarness(server.Port, interaction: interaction);
        await h.Runner.ConnectToAsync(h.Options);
        await h.Runner.ExecuteAsync("/ehlo");

        await h.Runner.ExecuteAsync("/auth login alice");

        Assert.Equal(2, interaction.Calls.Count);
        Assert.StartsWith("confirm: ", interaction.Calls[0]);
        Assert.Equal("secret", interaction.Calls[1]);
        Assert.Single(h.Sink.Events, e => e.Kind == TranscriptEventKind.Warn && e.Text.Contains("did not advertise AUTH", StringComparison.Ordinal));
        Assert.Contains(server.Received, l => l.StartsWith("AUTH LOGIN", StringComparison.OrdinalIgnoreCase));
    }
}
