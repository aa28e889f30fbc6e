using SmtpConsole.Core.Scripts;
using SmtpConsole.Core.Tests.Support;
using SmtpConsole.Core.Transcript;

namespace SmtpConsole.Core.Tests.Scripts;

/// <summary>
/// An <c>/expect</c> checks the reply of the step before it. After a line the server never answers (<c>/b64</c>,
/// <c>/unb64</c>, <c>/help</c>, <c>/mx</c>) it silently checked the reply before that line (EHLO's 250 made
/// <c>/b64 x</c> + <c>/expect 250</c> pass); first in a script with no server to connect to, it failed as "no reply"
/// (exit 1). Both are script errors now, exit 2 before anything is sent.
/// </summary>
public class ExpectWithoutStepTests
{
    private static async Task<(int Exit, SessionHarness Harness)> RunAsync(ScriptedSmtpServer server, string script, bool target)
    {
        var h = new SessionHarness(server.Port);
        var doc = ScriptReader.Read(script, "t.smtp");
        int exit = await new ScriptStepper(h.Runner, doc, new Dictionary<string, string>(), new ScriptRunOptions { Target = target ? h.Options : null }).RunToEndAsync();
        return (exit, h);
    }

    private static ScriptedSmtpServer Server() => new(async c =>
    {
        await c.SendAsync("220 scripted.test ESMTP\r\n");
        await c.ServeAsync(line => line.StartsWith("QUIT", StringComparison.OrdinalIgnoreCase) ? "221 bye\r\n" : "250 ok\r\n");
    });

    [Theory]
    [InlineData("/b64 hunter2", "/b64")]
    [InlineData("/unb64 aGVsbG8=", "/unb64")]
    [InlineData("/help", "/help")]
    [InlineData("/help RCPT", "/help")]
    [InlineData("/mx example.test", "/mx")]
    public async Task ExpectAfterALineWithoutReply_IsAScriptError_BeforeAnythingIsSent(string line, string helper)
    {
        await using var server = Server();
        var (exit, h) = await RunAsync(server, $"EHLO x\n{line}\n# a comment between\n\n/expect 250\nQUIT\n", target: true);
        await using (h)
        {
            Assert.True(exit == ExitCodes.UsageError, h.Sink.Dump());
            Assert.Empty(h.Sink.OfKind(TranscriptEventKind.Send));
            var error = Assert.Single(h.Sink.OfKind(TranscriptEventKind.Error));
            Assert.Contains("t.smtp:5", error.Text, StringComparison.Ordinal);
            Assert.Contains(helper, error.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("hunter2", h.Sink.Dump(), StringComparison.Ordinal); // the argument may be a secret
        }
    }

    [Fact]
    public async Task ExpectFirst_WithNoServerToConnectTo_IsAScriptError()
    {
        await using var server = Server();
        var (exit, h) = await RunAsync(server, $"/expect 220\n/connect 127.0.0.1 {server.Port} --plain\nQUIT\n", target: false);
        await using (h)
        {
            Assert.True(exit == ExitCodes.UsageError, h.Sink.Dump());
            Assert.Contains(h.Sink.OfKind(TranscriptEventKind.Error), e => e.Text.Contains("t.smtp:1", StringComparison.Ordinal));
            Assert.Empty(h.Sink.OfKind(TranscriptEventKind.Send));
        }
    }

    [Theory]
    [InlineData("/expect 220\nEHLO x\n/expect 250\nQUIT\n/expect 221\n")] // with a target the first step is its greeting
    [InlineData("EHLO x\n/b64 x\nNOOP\n/expect 250\n/expect 2xx\nQUIT\n")] // two in a row after a step that has a reply
    [InlineData("EHLO x\n/pipeline\nMAIL FROM:<a@b>\nRCPT TO:<c@d>\n/end\n/expect 250\n/expect 250\nQUIT\n")]
    public async Task ExpectAfterAStepWithAReply_StillChecksIt(string script)
    {
        await using var server = Server();
        var (exit, h) = await RunAsync(server, script, target: true);
        await using (h) Assert.True(exit == ExitCodes.Success, h.Sink.Dump());
    }
}
