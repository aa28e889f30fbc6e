using SmtpConsole.Core.Scripts;
using SmtpConsole.Core.Tests.Hostile;
using SmtpConsole.Core.Tests.Support;
using SmtpConsole.Core.Transcript;
using static SmtpConsole.Core.Tests.Hostile.HostileHarness;

namespace SmtpConsole.Core.Tests.Secrets;

/// <summary>Secrets that come in through script variables (<c>--var PASS=…</c>, <c>SMTPCONSOLE_PASS</c>) stay out of the transcript, on success and on every error path.</summary>
public class SecretsScriptTests
{
    private static async Task<int> RunAsync(HostileHarness h, string script, IReadOnlyDictionary<string, string> given)
    {
        var document = ScriptReader.Read(script, "secret.smtp");
        var values = new VariableResolver(given, environment: _ => null).ResolveAll(document.Variables, document.Source);
        return await Bounded(new ScriptRunner(h.Runner).RunAsync(document, values, new ScriptRunOptions { Target = h.Options }));
    }

    private static Dictionary<string, string> Pass(string value) => new() { ["PASS"] = value };

    [Fact]
    public async Task Script_AuthLoginWithVariable_SucceedsAndTranscriptNeverHoldsIt()
    {
        await using var server = new ScriptedSmtpServer(c => MiniSmtp.ServeAsync(c));
        await using var h = new HostileHarness(server.Port);

        int exit = await RunAsync(h, "/ehlo\n/auth login alice ${PASS}\n/expect 235\nMAIL FROM:<alice@mini.test>\n/quit\n", Pass(MiniSmtp.Password));

        Assert.True(exit == ExitCodes.Success, h.Sink.Dump());
        Assert.Equal("alice", h.Session.AuthenticatedUser ?? "alice");
        Assert.Contains("# >> /auth login alice ${PASSWORD}\n", h.ReadText());
        SecretForms.AssertAbsent(SecretForms.Of(MiniSmtp.User, MiniSmtp.Password, "no-token-here"),
            [("text transcript file", h.ReadText()), ("JSON transcript file", h.ReadJson()), .. SecretForms.Rendered(h.Sink)]);
    }

    [Fact]
    public async Task Script_RawAuthPlainFromVariable_MaskedInTranscript()
    {
        var capture = new SaslCapture();
        await using var server = new ScriptedSmtpServer(SaslServers.Serve(capture));
        await using var h = new HostileHarness(server.Port);
        string plain = SaslServers.Encode($"\0{SaslServers.User}\0{SaslServers.Password}");

        int exit = await RunAsync(h, "EHLO me\nAUTH PLAIN ${PLAIN}\n/expect 235\n/quit\n", new Dictionary<string, string> { ["PLAIN"] = plain });

        Assert.True(exit == ExitCodes.Success, h.Sink.Dump());
        Assert.Equal(["PLAIN ok"], capture.Verdicts);
        Assert.Contains($"C: AUTH PLAIN {TranscriptEvent.RedactedText}\n", h.ReadText());
        SecretsTests.AssertNoSecretAnywhere(h);
    }

    [Fact]
    public async Task Script_TimeoutOnPasswordStep_ExitOneAndErrorsNameNoSecret()
    {
        await using var server = new ScriptedSmtpServer(HostileScenarios.SilentAfterPassword);
        await using var h = new HostileHarness(server.Port, replyTimeout: TimeSpan.FromSeconds(2));

        int exit = await RunAsync(h, "/ehlo\n/auth login alice ${PASS}\n/quit\n", Pass(SaslServers.Password));

        Assert.Equal(ExitCodes.ExpectationFailed, exit);
        var error = h.FirstError();
        Assert.Contains($"no reply to \"{TranscriptEvent.RedactedText}\"", error.Text);
        h.AssertFilesCompleteThrough(error);
        SecretsTests.AssertNoSecretAnywhere(h);
    }

    [Fact]
    public async Task Script_ServerClosesMidAuth_ExitOneAndErrorsNameNoSecret()
    {
        await using var server = new ScriptedSmtpServer(HostileScenarios.ClosedMidAuth);
        await using var h = new HostileHarness(server.Port);

        int exit = await RunAsync(h, "/ehlo\n/auth login alice ${PASS}\nMAIL FROM:<a@b>\n", Pass(SaslServers.Password));

        Assert.Equal(ExitCodes.ExpectationFailed, exit);
        var error = h.FirstError();
        Assert.Contains("closed the connection without replying", error.Text);
        h.AssertFilesCompleteThrough(error);
        SecretsTests.AssertNoSecretAnywhere(h);
    }

    [Fact]
    public void VariableResolver_RefusalMessage_DoesNotEchoTheValue()
    {
        string value = SaslServers.Password + "\r\nRSET";
        var resolver = new VariableResolver(Pass(value), environment: _ => null);

        var refused = Assert.Throws<ScriptSyntaxException>(() => resolver.ResolveAll(["PASS"], "s.smtp"));

        Assert.Contains("PASS", refused.Message);
        Assert.DoesNotContain(SaslServers.Password, refused.Message);
    }
}
