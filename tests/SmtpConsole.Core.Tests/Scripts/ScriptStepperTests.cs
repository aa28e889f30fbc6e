using SmtpConsole.Core.Commands;
using SmtpConsole.Core.Scripts;
using SmtpConsole.Core.Tests.Support;
using SmtpConsole.Core.Transcript;

namespace SmtpConsole.Core.Tests.Scripts;

/// <summary>
/// The one stepper (issue 12) against scripted servers, for what Postfix cannot produce: a 550 greeting, a message
/// refused at its end, a malformed reply; plus the stepper's own guarantees (whole-script check, one step at a time).
/// </summary>
public class ScriptStepperTests
{
    private static async Task<int> RunAsync(SessionHarness h, string script, bool target = true, IReadOnlyDictionary<string, string>? variables = null)
    {
        var doc = ScriptReader.Read(script, "t.smtp");
        return await new ScriptStepper(h.Runner, doc, variables ?? new Dictionary<string, string>(), new ScriptRunOptions { Target = target ? h.Options : null }).RunToEndAsync();
    }

    private static Func<ScriptedSmtpServer.ServerConnection, Task> Refusing550Greeting => async c =>
    {
        await c.SendAsync("550 5.7.1 go away\r\n");
        await c.ServeAsync(line => line.StartsWith("QUIT", StringComparison.OrdinalIgnoreCase) ? "221 bye\r\n" : "503 no\r\n");
    };

    [Fact]
    public async Task Greeting550_WithExpect_ExitsZero_WithTargetAndWithConnect()
    {
        await using var server = new ScriptedSmtpServer(Refusing550Greeting);
        await using (var h = new SessionHarness(server.Port))
        {
            Assert.True(await RunAsync(h, "/expect 550\nQUIT\n/expect 221\n") == ExitCodes.Success, h.Sink.Dump());
        }
        await using (var h = new SessionHarness(server.Port))
        {
            Assert.True(await RunAsync(h, $"/connect 127.0.0.1 {server.Port} --plain\n/expect 550\nQUIT\n", target: false) == ExitCodes.Success, h.Sink.Dump());
        }
        await using (var h = new SessionHarness(server.Port))
        {
            Assert.Equal(ExitCodes.ExpectationFailed, await RunAsync(h, "EHLO x\nQUIT\n"));
            Assert.Contains(h.Sink.Events, e => e.Kind == TranscriptEventKind.Error && e.Text.Contains("t.smtp (connecting to"));
        }
    }

    [Fact]
    public async Task MultiLineReplyEndingInARefusal_FailsTheRun_EvenWithExpect250()
    {
        await using var server = new ScriptedSmtpServer(async c =>
        {
            await c.SendAsync("220 scripted.test ESMTP\r\n");
            await c.ServeAsync(line => line.StartsWith("RCPT", StringComparison.OrdinalIgnoreCase) ? "250-first line\r\n550 5.1.1 no such user\r\n"
                : line.StartsWith("QUIT", StringComparison.OrdinalIgnoreCase) ? "221 bye\r\n" : "250 ok\r\n");
        });
        await using (var h = new SessionHarness(server.Port))
        {
            Assert.True(await RunAsync(h, "EHLO x\nMAIL FROM:<a@b>\nRCPT TO:<c@d>\nQUIT\n") == ExitCodes.ExpectationFailed, h.Sink.Dump());
            Assert.Contains(h.Sink.OfKind(TranscriptEventKind.Reply), e => e.Text.Contains("550 5.1.1 no such user", StringComparison.Ordinal));
        }
        await using (var h = new SessionHarness(server.Port))
        {
            Assert.True(await RunAsync(h, "EHLO x\nMAIL FROM:<a@b>\nRCPT TO:<c@d>\n/expect 250\nQUIT\n") == ExitCodes.ExpectationFailed, h.Sink.Dump());
        }
    }

    [Fact]
    public async Task MalformedReplyToARawLine_FailsTheRun_WithoutSuggestingAnExpectThatCannotExist()
    {
        await using var server = new ScriptedSmtpServer(async c =>
        {
            await c.SendAsync("220 scripted.test ESMTP\r\n");
            await c.ServeAsync(line => line.StartsWith("NOOP", StringComparison.OrdinalIgnoreCase) ? "25O ok\r\n"
                : line.StartsWith("QUIT", StringComparison.OrdinalIgnoreCase) ? "221 bye\r\n" : "250 ok\r\n");
        });
        await using var h = new SessionHarness(server.Port);
        Assert.Equal(ExitCodes.ExpectationFailed, await RunAsync(h, "EHLO x\nNOOP\nQUIT\n"));
        var failure = Assert.Single(h.Sink.OfKind(TranscriptEventKind.Expect), e => e.Passed == false);
        Assert.Contains("t.smtp:2", failure.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("0xx", failure.Text, StringComparison.Ordinal);
        Assert.Contains("no /expect can allow a malformed reply", failure.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/quit")]
    [InlineData("/exit")]
    [InlineData("QUIT")]
    public async Task QuitRefused_FailsTheRun_WhicheverWayItIsWritten(string quit)
    {
        await using var server = new ScriptedSmtpServer(async c =>
        {
            await c.SendAsync("220 scripted.test ESMTP\r\n");
            await c.ServeAsync(line => line.StartsWith("QUIT", StringComparison.OrdinalIgnoreCase) ? "500 5.5.2 not now\r\n" : "250 ok\r\n");
        });
        await using (var h = new SessionHarness(server.Port))
        {
            Assert.True(await RunAsync(h, $"EHLO x\n{quit}\n") == ExitCodes.ExpectationFailed, h.Sink.Dump());
            Assert.Contains(h.Sink.OfKind(TranscriptEventKind.Expect), e => e.Passed == false && e.Text.Contains("t.smtp:2", StringComparison.Ordinal) && e.Text.Contains("500", StringComparison.Ordinal));
        }
        await using (var h = new SessionHarness(server.Port))
        {
            Assert.True(await RunAsync(h, $"EHLO x\n{quit}\n/expect 500\n") == ExitCodes.Success, h.Sink.Dump());
        }
    }

    [Theory]
    [InlineData("EHLO x\n/pipeline\nMAIL FROM:<a@b>\nSTARTTLS\n/end\nQUIT\n", "t.smtp:4: STARTTLS cannot be pipelined")]
    [InlineData("EHLO x\n/pipeline\nmail from:<a@b>\nauth plain AGFAYg==\n/end\n", "t.smtp:4: AUTH cannot be pipelined")]
    [InlineData("EHLO x\n/pipeline\nMAIL FROM:<a@b>\n/starttls\n/end\n", "t.smtp:4: /starttls: only raw SMTP commands")]
    [InlineData("EHLO x\n/pipeline\nDATA\nRSET\n/end\n", "t.smtp:4: cannot pipeline past DATA")]
    public async Task BadPipelineGroup_IsAScriptError_BeforeAnythingIsSent(string script, string expected)
    {
        await using var server = ScriptedSmtpServer.Start("220 scripted.test ESMTP", "250 ok", "250 ok", "250 ok", "221 bye");
        await using var h = new SessionHarness(server.Port);
        Assert.Equal(ExitCodes.UsageError, await RunAsync(h, script));
        Assert.Contains(h.Sink.OfKind(TranscriptEventKind.Error), e => e.Text.StartsWith(expected, StringComparison.Ordinal));
        Assert.DoesNotContain(h.Sink.Events, e => e.Kind == TranscriptEventKind.Send);
        Assert.Empty(server.Commands);
    }

    [Fact]
    public async Task Position_SaysWhereTheScriptStands_InNoFrontEndsWords()
    {
        await using var server = new ScriptedSmtpServer(Refusing550Greeting);
        await using var h = new SessionHarness(server.Port);
        var stepper = new ScriptStepper(h.Runner, ScriptReader.Read("EHLO x\nNOOP\n", "scripts/t.smtp"), new Dictionary<string, string>(), new ScriptRunOptions { Target = h.Options });
        Assert.Equal(new ScriptPosition("t.smtp", Finished: false, NextLineNumber: 1, NextStep: 1, StepCount: 2), stepper.Position);
        stepper.Stop();
        Assert.Equal(new ScriptPosition("t.smtp", Finished: true, NextLineNumber: 0, NextStep: 0, StepCount: 2), stepper.Position);
    }

    private static Func<ScriptedSmtpServer.ServerConnection, Task> RefusesMessages => async c =>
    {
        await c.SendAsync("220 refuser ESMTP\r\n");
        while (await c.ReadLineAsync() is { } line)
        {
            string verb = line.Split(' ')[0].ToUpperInvariant();
            if (verb == "DATA")
            {
                await c.SendAsync("354 go ahead\r\n");
                await c.ReadDataAsync();
                await c.SendAsync("550 5.7.1 message refused\r\n");
            }
            else if (verb == "QUIT")
            {
                await c.SendAsync("221 bye\r\n");
                return;
            }
            else await c.SendAsync(verb == "EHLO" ? "250-refuser\r\n250 PIPELINING\r\n" : "250 ok\r\n");
        }
    };

    [Theory]
    [InlineData("/data")]
    [InlineData("DATA")]
    public async Task MessageRefusedAtItsEnd_ExpectAllowsIt_RunGoesOn(string data)
    {
        await using var server = new ScriptedSmtpServer(RefusesMessages);
        string body = $"EHLO x\nMAIL FROM:<a@b>\nRCPT TO:<c@d>\n{data}\nSubject: x\n\nhello\n.\n";
        await using (var h = new SessionHarness(server.Port))
        {
            Assert.True(await RunAsync(h, body + "/expect 550\nNOOP\nQUIT\n") == ExitCodes.Success, h.Sink.Dump());
            Assert.Contains(h.Sink.Events, e => e.Kind == TranscriptEventKind.Send && e.Text == "NOOP");
        }
        await using (var h = new SessionHarness(server.Port))
        {
            Assert.Equal(ExitCodes.ExpectationFailed, await RunAsync(h, body + "NOOP\nQUIT\n"));
            Assert.DoesNotContain(h.Sink.Events, e => e.Kind == TranscriptEventKind.Send && e.Text == "NOOP");
        }
    }

    [Fact]
    public async Task MalformedReply_FailsTheRun()
    {
        await using var server = new ScriptedSmtpServer(async c =>
        {
            await c.SendAsync("220 ok\r\n");
            await c.ServeAsync(line => line.StartsWith("NOOP") ? "hello there\r\n" : "221 bye\r\n");
        });
        await using var h = new SessionHarness(server.Port);
        Assert.Equal(ExitCodes.ExpectationFailed, await RunAsync(h, "NOOP\nQUIT\n"));
        Assert.Contains(h.Sink.Events, e => e.Kind == TranscriptEventKind.Expect && e.Text.Contains("t.smtp:1") && e.Text.Contains("malformed"));
    }

    [Fact]
    public async Task WholeScriptIsCheckedBeforeAnythingIsSent()
    {
        await using var server = new ScriptedSmtpServer(c => MiniSmtp.ServeAsync(c));
        await using var h = new SessionHarness(server.Port);
        Assert.Equal(ExitCodes.UsageError, await RunAsync(h, "EHLO x\nNOOP\n/auth md4 a b\n"));
        Assert.Empty(h.Sink.OfKind(TranscriptEventKind.Send));
        Assert.Contains(h.Sink.Events, e => e.Kind == TranscriptEventKind.Error && e.Text.StartsWith("t.smtp:3:"));

        var missing = new ScriptStepper(h.Runner, ScriptReader.Read("/auth login a ${SECRET}\n", "v.smtp"), new Dictionary<string, string>());
        Assert.Contains("no value for SECRET", missing.Check());
    }

    [Fact]
    public async Task VariableWithASpace_IsOneHelperArgument()
    {
        const string secret = "two words";
        await using var server = new ScriptedSmtpServer(async c =>
        {
            await c.SendAsync("220 ok\r\n");
            await c.ServeAsync(line => line.StartsWith("AUTH PLAIN ", StringComparison.Ordinal)
                ? (Convert.FromBase64String(line[11..]).AsSpan().SequenceEqual("\0alice\0two words"u8) ? "235 ok\r\n" : "535 no\r\n")
                : line.StartsWith("EHLO") ? "250-ok\r\n250 AUTH PLAIN\r\n" : "221 bye\r\n");
        });
        await using var h = new SessionHarness(server.Port, allowPlaintextAuth: true);
        Assert.True(await RunAsync(h, "EHLO x\n/auth plain alice ${P} --initial\nQUIT\n", variables: new Dictionary<string, string> { ["P"] = secret }) == ExitCodes.Success, h.Sink.Dump());
    }

    [Fact]
    public async Task StepsRunOneAtATime_WhateverThreadAsks()
    {
        await using var server = new ScriptedSmtpServer(c => MiniSmtp.ServeAsync(c));
        await using var h = new SessionHarness(server.Port);
        var stepper = new ScriptStepper(h.Runner, ScriptReader.Read("EHLO x\nNOOP\nNOOP\nNOOP\nNOOP\nNOOP\nRSET\nQUIT\n", "c.smtp"), new Dictionary<string, string>(), new ScriptRunOptions { Target = h.Options });
        Assert.Null(stepper.Check());
        var steps = Enumerable.Range(0, 12).Select(_ => Task.Run(() => stepper.StepAsync())).ToArray();
        await Task.WhenAll(steps);
        Assert.True(stepper.IsFinished);
        Assert.Equal(ExitCodes.Success, stepper.ExitCode);
        var sent = h.Sink.OfKind(TranscriptEventKind.Send).Select(e => e.Text).ToList();
        Assert.Equal(["EHLO x", "NOOP", "NOOP", "NOOP", "NOOP", "NOOP", "RSET", "QUIT"], sent);
    }

    [Fact]
    public async Task TranscriptNamingALocalFile_SendsTheRecordedBytes_NeverTheFile()
    {
        string secret = Path.Combine(Path.GetTempPath(), $"secret-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(secret, "Subject: stolen\r\n\r\nthe local secret\r\n");
        try
        {
            var messages = new List<List<string>>();
            await using var server = new ScriptedSmtpServer(c => MiniSmtp.ServeAsync(c, messages));
            await using var h = new SessionHarness(server.Port);
            string recorded = Convert.ToBase64String("Subject: recorded\r\n\r\nwhat was sent\r\n"u8.ToArray());
            string transcript = $"C: EHLO me\nS: 250 ok\nC: MAIL FROM:<a@b>\nS: 250 ok\nC: RCPT TO:<c@d>\nS: 250 ok\n# >> /data @{secret}\nD: {recorded}\nC: DATA\nS: 354 go\nS: 250 queued\n# << /data\nC: QUIT\nS: 221 bye\n";
            Assert.True(await RunAsync(h, transcript) == ExitCodes.Success, h.Sink.Dump());
            Assert.Equal(["Subject: recorded", "", "what was sent"], Assert.Single(messages));

            // The same path as a bare line of a transcript: refused by the whole-script check, nothing sent.
            await using var h2 = new SessionHarness(server.Port);
            Assert.Equal(ExitCodes.UsageError, await RunAsync(h2, $"C: EHLO me\nS: 250 ok\n/data @{secret}\n"));
            Assert.Empty(h2.Sink.OfKind(TranscriptEventKind.Send));
        }
        finally
        {
            File.Delete(secret);
        }
    }
}
