using System.Text;
using SmtpConsole.Core.Commands;
using SmtpConsole.Core.Scripts;
using SmtpConsole.Core.Session;
using SmtpConsole.Core.Tests.Support;
using SmtpConsole.Core.Transcript;
using static SmtpConsole.Core.Tests.Hostile.HostileHarness;
using Connection = SmtpConsole.Testing.ScriptedSmtpServer.ServerConnection;

namespace SmtpConsole.Core.Tests.Hostile;

/// <summary>
/// STARTTLS downgrade: when TLS was asked for (<c>--starttls</c>, <c>/starttls</c>, a raw <c>STARTTLS</c>) and the
/// server answers anything but 220, the connection ends as a TLS failure (exit 3) and not one more byte goes out in
/// clear. The server side records every byte after STARTTLS to prove it.
/// </summary>
public class StartTlsDowngradeTests
{
    private static readonly IReadOnlyDictionary<string, string> NoVariables = new Dictionary<string, string>();

    /// <summary>How the hostile server answers STARTTLS.</summary>
    public static TheoryData<string> Answers() =>
    [
        "250 2.0.0 Ok\r\n",
        "354 go ahead\r\n",
        "454 4.7.0 TLS not available due to local problem\r\n",
        "554 5.7.0 no TLS for you\r\n",
        "220-multiline start, then\r\n250 a different code\r\n",
        "2x0 not a reply code\r\n",
        "(close)",
        "(silence)",
    ];

    /// <summary>The ways a user asks for TLS in a replayed script.</summary>
    public static TheoryData<string, string> AnswersAndClientWays()
    {
        var data = new TheoryData<string, string>();
        foreach (var answer in Answers())
            foreach (var way in new[] { "/starttls", "STARTTLS", "\tSTARTTLS  ", "--starttls" })
                data.Add(answer, way);
        return data;
    }

    /// <summary>Greets, answers EHLO with STARTTLS advertised, answers STARTTLS as told, then records what else comes.</summary>
    private static Func<Connection, Task> Server(string answer, TaskCompletionSource<byte[]> afterStartTls) => async c =>
    {
        await c.SendAsync(HostileScenarios.Greeting);
        while (await c.ReadLineAsync() is { } line)
        {
            if (line.Trim().Equals("STARTTLS", StringComparison.OrdinalIgnoreCase))
            {
                switch (answer)
                {
                    case "(close)":
                        afterStartTls.TrySetResult([]);
                        c.Close();
                        return;
                    case "(silence)":
                        break;
                    default:
                        await c.SendAsync(answer);
                        break;
                }
                afterStartTls.TrySetResult(await c.ReadToEndAsync(TimeSpan.FromSeconds(8)));
                return;
            }
            await c.SendAsync(HostileScenarios.OkTo(line));
        }
        afterStartTls.TrySetResult([]);
    };

    private const string RestOfSession = "MAIL FROM:<alice@hostile.test>\nRCPT TO:<bob@hostile.test>\n/data\nSubject: secret plans\n\nthe body\n.\n/quit\n";

    [Theory]
    [MemberData(nameof(AnswersAndClientWays))]
    public async Task Replay_StartTlsNotAnswered220_ExitThreeAndNothingMoreSent(string answer, string way)
    {
        var after = new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = new ScriptedSmtpServer(Server(answer, after));
        await using var h = new HostileHarness(server.Port, replyTimeout: TimeSpan.FromSeconds(1));
        var target = way == "--starttls" ? h.Options with { Security = SecurityMode.StartTls } : h.Options;
        string script = way == "--starttls" ? RestOfSession : "/ehlo\n" + way + "\n" + RestOfSession;

        int exit = await Bounded(new ScriptRunner(h.Runner).RunAsync(ScriptReader.Read(script, "downgrade.smtp"), NoVariables, new ScriptRunOptions { Target = target }));

        Assert.Equal(ExitCodes.ConnectionFailed, exit);
        byte[] sentAfter = await Bounded(after.Task);
        Assert.True(sentAfter.Length == 0, "sent in clear after STARTTLS: " + Encoding.UTF8.GetString(sentAfter));
        Assert.DoesNotContain(server.Received, l => l.Contains("MAIL", StringComparison.Ordinal) || l.Contains("secret plans", StringComparison.Ordinal));
        Assert.False(h.Session.IsConnected);
        var error = h.FirstError(e => e.Text.StartsWith("STARTTLS failed", StringComparison.Ordinal));
        Assert.Contains("nothing more is sent in plain text", error.Text);
        h.AssertFilesCompleteThrough(error);
        Assert.Empty(server.Failures);
    }

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task Interactive_StartTlsNotAnswered220_RedErrorClosedAndLaterLinesGoNowhere(string answer)
    {
        var after = new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = new ScriptedSmtpServer(Server(answer, after));
        await using var h = new HostileHarness(server.Port, replyTimeout: TimeSpan.FromSeconds(1));
        await Bounded(h.Runner.ConnectToAsync(h.Options));
        await Bounded(h.Runner.ExecuteAsync("/ehlo"));

        var tls = await Bounded(h.Runner.ExecuteAsync("/starttls"));
        var mail = await Bounded(h.Runner.ExecuteAsync("MAIL FROM:<alice@hostile.test>"));

        Assert.Equal(StepStatus.ConnectionFailed, tls.Status);
        Assert.Equal(CommandFailure.TlsFailed, tls.Result!.Failure);
        Assert.Equal(CommandFailure.NotConnected, mail.Result!.Failure);
        Assert.Equal(TranscriptEventKind.Error, h.FirstError(e => e.Text.StartsWith("STARTTLS failed", StringComparison.Ordinal)).Kind);
        Assert.Empty(await Bounded(after.Task));
    }

    [Fact]
    public async Task StartTls_454_ReplyKeptForDiagnosisButConnectionClosed()
    {
        var after = new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = new ScriptedSmtpServer(Server("454 4.7.0 TLS not available due to local problem\r\n", after));
        await using var h = new HostileHarness(server.Port);
        await Bounded(h.Session.ConnectAsync(h.Options));
        await Bounded(h.Session.EhloAsync(null));

        var result = await Bounded(h.Session.StartTlsAsync());

        Assert.Equal(CommandFailure.TlsFailed, result.Failure);
        Assert.Equal(454, result.Reply!.Code);
        Assert.True(result.IsConnectionFailure);
        Assert.False(h.Session.IsConnected);
        Assert.Contains("454 instead of 220", result.Message);
    }

    [Fact]
    public async Task ConnectStartTls_StartTlsNotAdvertised_TlsFailureAndClosedWithoutSendingMore()
    {
        var received = new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = new ScriptedSmtpServer(async c =>
        {
            await c.SendAsync(HostileScenarios.Greeting);
            await c.ReadLineAsync();
            await c.SendAsync("250-plain.test\r\n250 AUTH PLAIN\r\n");
            received.TrySetResult(await c.ReadToEndAsync(TimeSpan.FromSeconds(8)));
        });
        await using var h = new HostileHarness(server.Port);

        var result = await Bounded(h.Session.ConnectAsync(h.Options with { Security = SecurityMode.StartTls }));

        Assert.Equal(CommandFailure.TlsFailed, result.Failure);
        Assert.False(h.Session.IsConnected);
        Assert.Empty(await Bounded(received.Task));
    }

    [Fact]
    public async Task ConnectStartTls_EhloRefused_TlsFailureAndClosed()
    {
        await using var server = new ScriptedSmtpServer(async c =>
        {
            await c.SendAsync(HostileScenarios.Greeting);
            await HostileScenarios.Serve(c, line => "502 5.5.2 no EHLO here\r\n");
        });
        await using var h = new HostileHarness(server.Port);

        var result = await Bounded(h.Session.ConnectAsync(h.Options with { Security = SecurityMode.StartTls }));

        Assert.Equal(CommandFailure.TlsFailed, result.Failure);
        Assert.False(h.Session.IsConnected);
    }

    [Fact]
    public async Task Replay_TwoTwentyThenPlainText_HandshakeFailsExitThreeNothingSentInClear()
    {
        var after = new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = new ScriptedSmtpServer(async c =>
        {
            await c.SendAsync(HostileScenarios.Greeting);
            while (await c.ReadLineAsync() is { } line)
            {
                if (line == "STARTTLS")
                {
                    await c.SendAsync("220 2.0.0 Ready\r\n");
                    await Task.Delay(50);
                    await c.SendAsync("250 this is not a TLS server hello\r\n250 nor is this\r\n");
                    // The client's ClientHello arrives first; anything after it would be a plain-text leak.
                    byte[] all = await c.ReadToEndAsync(TimeSpan.FromSeconds(8));
                    after.TrySetResult(all);
                    return;
                }
                await c.SendAsync(HostileScenarios.OkTo(line));
            }
        });
        await using var h = new HostileHarness(server.Port);

        int exit = await Bounded(new ScriptRunner(h.Runner).RunAsync(ScriptReader.Read("/ehlo\n/starttls\n" + RestOfSession, "s.smtp"), NoVariables, new ScriptRunOptions { Target = h.Options }));

        Assert.Equal(ExitCodes.ConnectionFailed, exit);
        string leaked = Encoding.Latin1.GetString(await Bounded(after.Task));
        Assert.DoesNotContain("MAIL", leaked, StringComparison.Ordinal);
        Assert.DoesNotContain("QUIT", leaked, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_ImplicitTlsAgainstPlainServer_ExitThreeNothingSentInClear()
    {
        var after = new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = new ScriptedSmtpServer(async c =>
        {
            await c.SendAsync(HostileScenarios.Greeting);
            after.TrySetResult(await c.ReadToEndAsync(TimeSpan.FromSeconds(8)));
        });
        await using var h = new HostileHarness(server.Port);

        int exit = await Bounded(new ScriptRunner(h.Runner).RunAsync(ScriptReader.Read("/ehlo\n" + RestOfSession, "s.smtp"), NoVariables, new ScriptRunOptions { Target = h.Options with { Security = SecurityMode.Tls } }));

        Assert.Equal(ExitCodes.ConnectionFailed, exit);
        string leaked = Encoding.Latin1.GetString(await Bounded(after.Task));
        Assert.DoesNotContain("EHLO", leaked, StringComparison.Ordinal);
        Assert.DoesNotContain("MAIL", leaked, StringComparison.Ordinal);
    }
}

/// <summary>
/// Issue 13's rare 60 s stall, made deterministic: the reader loop is held just after it hands over the EHLO reply,
/// exactly where the old "pause after the next reply" flag could be set by STARTTLS in the meantime, so the reader
/// stopped after the EHLO reply and the 220 was never read.
/// </summary>
public class StartTlsReaderPauseRaceTests
{
    [Fact]
    public async Task ReaderHeldAfterEhloReply_StartTlsStillReadsItsOwn220()
    {
        using var certificate = ScriptedSmtpServer.CreateCertificate();
        await using var server = new ScriptedSmtpServer(async c =>
        {
            await c.SendAsync(HostileScenarios.Greeting);
            while (await c.ReadLineAsync() is { } line)
            {
                if (line == "STARTTLS")
                {
                    await c.SendAsync("220 2.0.0 Ready\r\n");
                    await c.StartTlsAsync(certificate);
                    await HostileScenarios.Serve(c, HostileScenarios.OkTo);
                    return;
                }
                await c.SendAsync(HostileScenarios.OkTo(line));
            }
        });
        await using var h = new HostileHarness(server.Port, replyTimeout: TimeSpan.FromSeconds(3));
        h.Session.ReplyPublishedForTest = reply =>
        {
            // Long enough for the EHLO caller to move on and send STARTTLS while the reader still sits here.
            if (reply.Code == 250) Thread.Sleep(300);
        };

        var started = System.Diagnostics.Stopwatch.StartNew();
        var result = await Bounded(h.Session.ConnectAsync(h.Options with { Security = SecurityMode.StartTls }));

        Assert.Equal(CommandFailure.None, result.Failure);
        Assert.True(h.Session.IsTls, h.Sink.Dump());
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(2.5), $"took {started.Elapsed.TotalSeconds:0.0} s: a reply waited for its timeout");
        Assert.Equal(250, (await Bounded(h.Session.EhloAsync(null))).Reply!.Code);
    }
}
