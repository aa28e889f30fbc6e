using SmtpConsole.Core.Commands;
using SmtpConsole.Core.Scripts;
using SmtpConsole.Core.Tests.Sasl;
using SmtpConsole.Core.Tests.Support;
using SmtpConsole.Core.Transcript;

namespace SmtpConsole.Core.Tests.Commands;

public class CommandRunnerTests
{
    private sealed class AnsweringInteraction(string? secret, bool consent) : IConsoleInteraction
    {
        public int Prompts { get; private set; }
        public Task<string?> PromptSecretAsync(string prompt, CancellationToken ct)
        {
            Prompts++;
            return Task.FromResult(secret);
        }
        public Task<bool> ConfirmPlaintextAuthAsync(string question, CancellationToken ct) => Task.FromResult(consent);
        public void ReportDataProgress(long sent, long total) { }
    }

    [Fact]
    public async Task Session_EhloAuthDataQuit_DotStuffedBodyArrives()
    {
        var messages = new List<List<string>>();
        await using var server = new ScriptedSmtpServer(c => MiniSmtp.ServeAsync(c, messages));
        var interaction = new AnsweringInteraction(MiniSmtp.Password, consent: true);
        await using var h = new SessionHarness(server.Port, interaction: interaction);
        var r = h.Runner;
        Assert.Equal(StepStatus.Ok, (await r.ConnectToAsync(h.Options)).Status);
        Assert.Equal(StepStatus.Ok, (await r.ExecuteAsync("/ehlo")).Status);
        Assert.Equal(StepStatus.Ok, (await r.ExecuteAsync("/auth login alice")).Status);
        Assert.Equal(1, interaction.Prompts);
        Assert.Equal("alice", h.Session.AuthenticatedUser);
        Assert.Equal(StepStatus.Ok, (await r.ExecuteAsync("MAIL FROM:<alice@mini.test>")).Status);
        Assert.Equal(StepStatus.Ok, (await r.ExecuteAsync("RCPT TO:<bob@mini.test>")).Status);
        await r.ExecuteAsync("/data");
        Assert.Equal(RunnerMode.DataBody, r.Mode);
        foreach (var line in new[] { "Subject: test", "", ".leading dot", "body" }) await r.ExecuteAsync(line);
        var end = await r.ExecuteAsync(".");
        Assert.Equal(RunnerMode.Command, r.Mode);
        Assert.Equal(250, end.Result!.Reply!.Code);
        Assert.Equal(["Subject: test", "", "..leading dot", "body"], Assert.Single(messages));
        await r.ExecuteAsync("/quit");
        Assert.False(h.Session.IsConnected);
        SaslAuthenticatorTests.AssertNoSecret(h.Sink, MiniSmtp.Password, Convert.ToBase64String("Wonderland-42"u8.ToArray()));
    }

    [Fact]
    public async Task Auth_WithoutTls_AsksForConsent_RefusalSendsNothing()
    {
        await using var server = new ScriptedSmtpServer(c => MiniSmtp.ServeAsync(c));
        await using var h = new SessionHarness(server.Port, interaction: new AnsweringInteraction(MiniSmtp.Password, consent: false));
        await h.Runner.ConnectToAsync(h.Options);
        var outcome = await h.Runner.ExecuteAsync("/auth login alice");
        Assert.Equal(StepStatus.Failed, outcome.Status);
        Assert.DoesNotContain(server.Received, l => l.StartsWith("AUTH", StringComparison.Ordinal));
        var raw = await h.Runner.ExecuteAsync("AUTH PLAIN AGFsaWNlAHNlY3JldA==");
        Assert.Equal(StepStatus.Failed, raw.Status);
        Assert.DoesNotContain(server.Received, l => l.StartsWith("AUTH", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RawContinuationAfterPasswordPrompt_IsMasked()
    {
        await using var server = new ScriptedSmtpServer(c => MiniSmtp.ServeAsync(c));
        await using var h = new SessionHarness(server.Port, allowPlaintextAuth: true);
        await h.Runner.ConnectToAsync(h.Options);
        await h.Runner.ExecuteAsync("AUTH LOGIN");
        await h.Runner.ExecuteAsync("YWxpY2U=");
        var done = await h.Runner.ExecuteAsync("V29uZGVybGFuZC00Mg==");
        Assert.Equal(235, done.Result!.Reply!.Code);
        var sends = h.Sink.OfKind(TranscriptEventKind.Send).ToList();
        Assert.Contains(sends, e => e.Text == "YWxpY2U=" && e.Note!.Contains("alice"));
        Assert.Contains(sends, e => e.Secret && e.Text == TranscriptEvent.RedactedText);
        SaslAuthenticatorTests.AssertNoSecret(h.Sink, "V29uZGVybGFuZC00Mg==");
    }

    [Fact]
    public async Task Pipeline_RefusesCommandsAfterAGroupEnder()
    {
        await using var server = new ScriptedSmtpServer(c => MiniSmtp.ServeAsync(c));
        await using var h = new SessionHarness(server.Port);
        await h.Runner.ConnectToAsync(h.Options);
        await h.Runner.ExecuteAsync("/pipeline");
        Assert.Equal(RunnerMode.Pipeline, h.Runner.Mode);
        await h.Runner.ExecuteAsync("EHLO x");
        var refused = await h.Runner.ExecuteAsync("MAIL FROM:<a@b>");
        Assert.Equal(StepStatus.UsageError, refused.Status);
        Assert.Contains("last command of a group", refused.Message);
        var sent = await h.Runner.ExecuteAsync("/end");
        Assert.Equal(StepStatus.Ok, sent.Status);
        Assert.Equal(RunnerMode.Command, h.Runner.Mode);
    }

    [Fact]
    public async Task SavedTranscript_ReplaysAsScript_ExitZero()
    {
        string file = Path.Combine(Path.GetTempPath(), $"smtpconsole-{Guid.NewGuid():N}.log");
        try
        {
            await using (var server = new ScriptedSmtpServer(c => MiniSmtp.ServeAsync(c)))
            await using (var h = new SessionHarness(server.Port, allowPlaintextAuth: true))
            {
                using (var sink = new TranscriptFileSink(file, json: false))
                {
                    h.Recorder.AddSink(sink);
                    await h.Runner.ConnectToAsync(h.Options);
                    foreach (var line in new[] { "EHLO me", $"/auth login alice {MiniSmtp.Password}", "MAIL FROM:<alice@mini.test>", "RCPT TO:<bob@mini.test>", "/data", "Subject: replay", "", ".dot", ".", "QUIT" })
                        await h.Runner.ExecuteAsync(line);
                    h.Recorder.RemoveSink(sink);
                }
            }
            string saved = await File.ReadAllTextAsync(file);
            Assert.DoesNotContain(MiniSmtp.Password, saved);
            Assert.Contains("# >> /auth login alice", saved);

            var messages = new List<List<string>>();
            await using var replayServer = new ScriptedSmtpServer(c => MiniSmtp.ServeAsync(c, messages));
            await using var replay = new SessionHarness(replayServer.Port, allowPlaintextAuth: true, interaction: new AnsweringInteraction(MiniSmtp.Password, true));
            var doc = ScriptReader.Read(saved, file);
            // The login is saved with the ${PASSWORD} placeholder (issue 12 #9), so the replay names the secret.
            int exit = await new ScriptRunner(replay.Runner).RunAsync(doc, new Dictionary<string, string> { ["PASSWORD"] = MiniSmtp.Password }, new ScriptRunOptions { Target = replay.Options });
            Assert.True(exit == ExitCodes.Success, replay.Sink.Dump());
            Assert.Equal(["Subject: replay", "", "..dot"], Assert.Single(messages));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Script_RawRejection_FailsUnlessExpected()
    {
        await using var server = new ScriptedSmtpServer(c => MiniSmtp.ServeAsync(c));
        var failing = ScriptReader.Read("EHLO me\nMAIL FROM:<a@b>\nRCPT TO:<nobody@mini.test>\nQUIT\n", "f.txt");
        await using (var h = new SessionHarness(server.Port))
        {
            int exit = await new ScriptRunner(h.Runner).RunAsync(failing, new Dictionary<string, string>(), new ScriptRunOptions { Target = h.Options });
            Assert.Equal(ExitCodes.ExpectationFailed, exit);
            Assert.Contains(h.Sink.OfKind(TranscriptEventKind.Expect), e => e.Passed == false && e.Text.Contains("f.txt:3"));
        }
        var allowed = ScriptReader.Read("EHLO me\nMAIL FROM:<a@b>\nRCPT TO:<nobody@mini.test>\n/expect 550 /rejected/\nQUIT\n", "ok.txt");
        await using (var h = new SessionHarness(server.Port))
        {
            int exit = await new ScriptRunner(h.Runner).RunAsync(allowed, new Dictionary<string, string>(), new ScriptRunOptions { Target = h.Options });
            Assert.Equal(ExitCodes.Success, exit);
        }
    }

    [Fact]
    public async Task Script_ServerClosesEarly_ExitOne()
    {
        await using var server = new ScriptedSmtpServer(async c =>
        {
            await c.SendAsync("220 hi\r\n");
            await c.ReadLineAsync();
            await c.SendAsync("421 4.3.2 going down\r\n");
            c.Close();
        });
        await using var h = new SessionHarness(server.Port);
        var doc = ScriptReader.Read("EHLO me\n/expect 4xx\nMAIL FROM:<a@b>\n", "s.txt");
        int exit = await new ScriptRunner(h.Runner).RunAsync(doc, new Dictionary<string, string>(), new ScriptRunOptions { Target = h.Options });
        Assert.Equal(ExitCodes.ExpectationFailed, exit);
    }

    [Fact]
    public async Task Script_UnknownHelper_IsUsageError()
    {
        await using var server = new ScriptedSmtpServer(c => MiniSmtp.ServeAsync(c));
        await using var h = new SessionHarness(server.Port);
        var doc = ScriptReader.Read("/bogus\n", "s.txt");
        int exit = await new ScriptRunner(h.Runner).RunAsync(doc, new Dictionary<string, string>(), new ScriptRunOptions { Target = h.Options });
        Assert.Equal(ExitCodes.UsageError, exit);
    }
}
