using SmtpConsole.Core.Messages;
using SmtpConsole.Core.Sasl;
using SmtpConsole.Core.Session;
using SmtpConsole.Core.Tests.Support;
using SmtpConsole.Core.Transcript;

namespace SmtpConsole.Core.Tests.Session;

/// <summary>Core speaks no front end's language (issue 17 item 2): failures carry a remedy key, not a TUI action or a CLI flag.</summary>
public class RemedyTests
{
    private const string Greeting = "220 test.example ESMTP ready\r\n";

    [Fact]
    public async Task PlaintextCredentials_Refused_WithRemedyKey_AndNoFrontEndWords()
    {
        await using var server = new ScriptedSmtpServer(async c =>
        {
            await c.SendAsync(Greeting);
            await c.ServeAsync(line => line.StartsWith("EHLO") ? "250-test.example\r\n250 AUTH PLAIN\r\n" : null);
        });
        await using var h = new SessionHarness(server.Port);
        await h.ConnectAsync();
        await h.Session.EhloAsync("client.test");
        var result = await SaslAuthenticator.AuthenticateAsync(h.Session, new AuthRequest("PLAIN", "alice", "secret"));

        Assert.Equal(Remedy.UseStartTls, result.Remedy);
        var error = Assert.Single(h.Sink.OfKind(TranscriptEventKind.Error));
        Assert.Equal(Remedy.UseStartTls, error.Remedy);
        Assert.DoesNotContain("TUI", error.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("--", error.Text, StringComparison.Ordinal);
        Assert.Contains("\"remedy\":\"UseStartTls\"", TranscriptJsonFormat.ToJson(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartTlsNotAdvertised_NamesNoFlag_CarriesRemedy()
    {
        await using var server = new ScriptedSmtpServer(async c =>
        {
            await c.SendAsync(Greeting);
            await c.ServeAsync(line => line.StartsWith("EHLO") ? "250 test.example\r\n" : null);
        });
        await using var h = new SessionHarness(server.Port);
        var result = await h.ConnectAsync(SecurityMode.StartTls);
        Assert.Equal(CommandFailure.TlsFailed, result.Failure);
        Assert.Equal(Remedy.UseImplicitTls, result.Remedy);
        Assert.DoesNotContain("--", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HelpQuit_NamesNoKey_EndsWithTheQuitRemedy()
    {
        await using var h = new SessionHarness(port: 1);
        await h.RunAsync("/help /quit");

        var lines = h.Sink.OfKind(TranscriptEventKind.Info).ToList();
        Assert.True(lines.Count >= 2, "synopsis and the topic's text");
        // The helper's topic, not the SMTP verb's (the slash used to be dropped, so /help /quit explained QUIT).
        Assert.Contains(lines, e => e.Text.Contains("/exit", StringComparison.Ordinal));
        Assert.All(lines, e => Assert.DoesNotContain("Ctrl", e.Text, StringComparison.Ordinal));
        Assert.Equal(Remedy.QuitConsole, lines[^1].Remedy);
        Assert.All(lines.Take(lines.Count - 1), e => Assert.Equal(Remedy.None, e.Remedy));

        await h.RunAsync("/help /connect");
        Assert.Single(h.Sink.Events, e => e.Remedy == Remedy.QuitConsole);
    }
}
