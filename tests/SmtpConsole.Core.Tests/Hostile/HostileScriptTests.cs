using SmtpConsole.Core.Scripts;
using SmtpConsole.Core.Session;
using SmtpConsole.Core.Tests.Support;
using SmtpConsole.Core.Transcript;
using static SmtpConsole.Core.Tests.Hostile.HostileHarness;

namespace SmtpConsole.Core.Tests.Hostile;

/// <summary>
/// The hostile servers through ScriptRunner, as <c>smtpconsole replay</c> runs them: the exit code says what went
/// wrong (1: expectation failed or closed early, 3: connection or TLS failure) and the runner stays usable.
/// </summary>
public class HostileScriptTests
{
    private static readonly IReadOnlyDictionary<string, string> NoVariables = new Dictionary<string, string>();

    private static Task<int> RunAsync(HostileHarness h, string script, ConnectOptions? target = null) =>
        Bounded(new ScriptRunner(h.Runner).RunAsync(ScriptReader.Read(script, "hostile.smtp"), NoVariables, new ScriptRunOptions { Target = target ?? h.Options }));

    [Fact]
    public async Task Script_GarbageGreeting_ExitOneThenSameRunnerRunsNextScript()
    {
        await using var server = new ScriptedSmtpServer(HostileScenarios.FirstConnectionOnly(HostileScenarios.BinaryGarbageGreeting));
        await using var h = new HostileHarness(server.Port);

        int exit = await RunAsync(h, "/ehlo\n/quit\n");

        Assert.Equal(ExitCodes.ExpectationFailed, exit);
        var error = h.FirstError();
        Assert.StartsWith("malformed reply", error.Text);
        h.AssertFilesCompleteThrough(error);
        Assert.Equal(ExitCodes.Success, await RunAsync(h, "/ehlo\n/expect 250\nNOOP\n/quit\n"));
    }

    [Fact]
    public async Task Script_ServerNeverAnswers_ExitThreeWithinTheTimeout()
    {
        await using var server = new ScriptedSmtpServer(HostileScenarios.FirstConnectionOnly(HostileScenarios.NeverAnswers));
        await using var h = new HostileHarness(server.Port, replyTimeout: TimeSpan.FromSeconds(2));

        int exit = await RunAsync(h, "/ehlo\n/quit\n");

        // No greeting is a connection failure (exit 3, issue 12 #12), like a refused connect.
        Assert.Equal(ExitCodes.ConnectionFailed, exit);
        Assert.Contains("no reply to the connection (greeting)", h.FirstError().Text);
        Assert.Equal(ExitCodes.Success, await RunAsync(h, "/ehlo\n/quit\n"));
    }

    [Fact]
    public async Task Script_Slowloris_ExitThreeAfterGreetingTimeout()
    {
        await using var server = new ScriptedSmtpServer(HostileScenarios.Slowloris);
        await using var h = new HostileHarness(server.Port, replyTimeout: TimeSpan.FromSeconds(2));

        int exit = await RunAsync(h, "/ehlo\n");

        // The greeting never completes: a connection failure (exit 3, issue 12 #12).
        Assert.Equal(ExitCodes.ConnectionFailed, exit);
        h.AssertFilesCompleteThrough(h.FirstError(e => e.Text.Contains("within 2 s")));
    }

    [Fact]
    public async Task Script_ConnectionClosedMidData_ExitOneAndBodyLinesSentAreInTheFile()
    {
        await using var server = new ScriptedSmtpServer(HostileScenarios.FirstConnectionOnly(HostileScenarios.ClosedMidData));
        await using var h = new HostileHarness(server.Port);

        int exit = await RunAsync(h, "/ehlo\nMAIL FROM:<a@hostile.test>\nRCPT TO:<b@hostile.test>\n/data\nSubject: cut\n\nfirst body line\n.\n/quit\n");

        Assert.Equal(ExitCodes.ExpectationFailed, exit);
        var subject = Assert.Single(h.Sink.OfKind(TranscriptEventKind.Send), e => e.Text == "Subject: cut");
        h.AssertFilesCompleteThrough(subject);
        Assert.NotNull(h.FirstError());
        Assert.Equal(ExitCodes.Success, await RunAsync(h, "/ehlo\n/quit\n"));
    }

    [Fact]
    public async Task Script_PlaintextServerOnImplicitTls_ExitThree()
    {
        await using var server = new ScriptedSmtpServer(HostileScenarios.PlaintextOnTlsPort);
        await using var h = new HostileHarness(server.Port);

        int exit = await RunAsync(h, "/ehlo\n/quit\n", h.Options with { Security = SecurityMode.Tls });

        Assert.Equal(ExitCodes.ConnectionFailed, exit);
        var error = h.FirstError();
        Assert.StartsWith("TLS handshake failed", error.Text);
        h.AssertFilesCompleteThrough(error);
    }

    [Fact]
    public async Task Script_StartTlsAnsweredWithGarbageHandshake_ExitThree()
    {
        await using var server = new ScriptedSmtpServer(HostileScenarios.StartTlsGarbageHandshake);
        await using var h = new HostileHarness(server.Port);

        int exit = await RunAsync(h, "/ehlo\n/starttls\n/ehlo\n/quit\n");

        Assert.Equal(ExitCodes.ConnectionFailed, exit);
        h.AssertFilesCompleteThrough(h.FirstError());
    }

    [Fact]
    public async Task Script_StartTlsRefused454_ExitThree()
    {
        // Issue 13: a refused STARTTLS is a TLS failure (exit 3), no longer an expectation failure (exit 1).
        await using var server = new ScriptedSmtpServer(HostileScenarios.StartTlsRefused);
        await using var h = new HostileHarness(server.Port);

        int exit = await RunAsync(h, "/ehlo\n/starttls\nNOOP\n/quit\n");

        Assert.Equal(ExitCodes.ConnectionFailed, exit);
        Assert.DoesNotContain("NOOP", server.Received);
        Assert.Contains("454", h.FirstError().Text);
    }

    [Fact]
    public async Task Script_MalformedReplyCheckedByExpect_ExitOne()
    {
        await using var server = new ScriptedSmtpServer(HostileScenarios.NonThreeDigitCodes);
        await using var h = new HostileHarness(server.Port);

        int exit = await RunAsync(h, "NOOP\n/expect 2xx\n/quit\n");

        Assert.Equal(ExitCodes.ExpectationFailed, exit);
        Assert.Contains(h.Sink.OfKind(TranscriptEventKind.Expect), e => e.Passed == false && e.Text.Contains("malformed reply"));
    }

    [Fact]
    public async Task Script_StartTlsInjection_FakeReplyNeverSatisfiesAnExpectation()
    {
        using var certificate = ScriptedSmtpServer.CreateCertificate();
        await using var server = new ScriptedSmtpServer(HostileScenarios.StartTlsInjection(certificate));
        await using var h = new HostileHarness(server.Port);

        int exit = await RunAsync(h, "/ehlo\n/starttls\n/ehlo\n/expect 250 /secure/\nNOOP\n/expect 250 /^2\\.0\\.0 Ok$/\n/quit\n");

        Assert.True(exit == ExitCodes.Success, h.Sink.Dump());
        Assert.Contains(h.Sink.OfKind(TranscriptEventKind.Warn), e => e.Text.Contains(HostileScenarios.InjectedReply));
        Assert.DoesNotContain(h.Sink.OfKind(TranscriptEventKind.Reply), e => e.Text.Contains("injected"));
    }
}
