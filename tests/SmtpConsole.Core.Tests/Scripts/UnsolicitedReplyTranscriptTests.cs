using SmtpConsole.Core.Scripts;
using SmtpConsole.Core.Tests.Support;
using SmtpConsole.Core.Transcript;

namespace SmtpConsole.Core.Tests.Scripts;

/// <summary>
/// A reply no command was waiting for is saved with a <c># (unsolicited)</c> line after its S: lines, and replay takes
/// it as a record, not an expectation. It was read as a second expectation on the step before it: a server answering
/// MAIL with "250 ok" then "550 extra" in one write gave a transcript that failed against that same server.
/// </summary>
public class UnsolicitedReplyTranscriptTests
{
    private static ScriptedSmtpServer AnswersMailTwice() => new(async c =>
    {
        await c.SendAsync("220 scripted.test ESMTP\r\n");
        await c.ServeAsync(line =>
            line.StartsWith("MAIL", StringComparison.OrdinalIgnoreCase) ? "250 ok\r\n550 5.7.1 extra\r\n"
            : line.StartsWith("QUIT", StringComparison.OrdinalIgnoreCase) ? "221 bye\r\n" : "250 ok\r\n");
    });

    private static async Task<(int Exit, string Saved)> RunAsync(ScriptedSmtpServer server, string script, string source)
    {
        await using var h = new SessionHarness(server.Port);
        var doc = ScriptReader.Read(script, source);
        int exit = await new ScriptStepper(h.Runner, doc, new Dictionary<string, string>(), new ScriptRunOptions { Target = h.Options }).RunToEndAsync();
        return (exit, h.Sink.Dump() + "\n");
    }

    [Fact]
    public async Task TranscriptWithAnUnsolicitedReply_ReplaysAgainstTheSameServer()
    {
        await using var server = AnswersMailTwice();
        var (recorded, saved) = await RunAsync(server, "EHLO x\nMAIL FROM:<a@b>\nNOOP\nRCPT TO:<c@d>\nQUIT\n", "s.smtp");
        Assert.True(recorded == ExitCodes.Success, saved);
        Assert.Contains("S: 550 5.7.1 extra\n" + TranscriptTextFormat.UnsolicitedMarker + "\n", saved, StringComparison.Ordinal);

        var (replayed, log) = await RunAsync(server, saved, "t.txt");
        Assert.True(replayed == ExitCodes.Success, log);
        Assert.DoesNotContain("expected 550", log, StringComparison.Ordinal);
    }

    [Fact]
    public void MarkedReply_IsNoExpectation_OtherRepliesStillAre()
    {
        var doc = ScriptReader.Read($"C: MAIL FROM:<a@b>\nS: 250 ok\nS: 550-extra\nS: 550 extra\n{TranscriptTextFormat.UnsolicitedMarker}\nC: QUIT\nS: 221 bye\n", "t.txt");
        Assert.Equal(["250", "221"], doc.Lines.Where(l => l.Kind == ScriptLineKind.ExpectCode).Select(l => l.ExpectedCode!));
    }
}
