using SmtpConsole.Core.Commands;
using SmtpConsole.Core.Session;
using SmtpConsole.Core.Transcript;
using SmtpConsole.Tests.Support;
using SmtpConsole.Tui;

namespace SmtpConsole.Tests.App;

/// <summary>
/// Issue 13 item 7: the TUI's step runner never dies. A step that throws anything (here the OutOfMemoryException a
/// huge /bdat chunk used to cause, which the runner let through) is reported and the lines queued behind it still run.
/// </summary>
public sealed class StepRunnerSurvivalTests
{
    [Fact]
    public async Task StepThrowingOutOfMemory_IsReported_AndLaterLinesStillRun()
    {
        await using var server = ScriptedSmtpServer.Start("220 ok", "250 after");
        var recorder = new TranscriptRecorder();
        var events = new List<TranscriptEvent>();
        recorder.Recorded += e => { lock (events) events.Add(e); };
        var runner = new CommandRunner(new SmtpSession(recorder), NonInteractive.Instance, new RunnerSettings());
        await using var controller = new SessionController(runner, CommandHistory.InMemory());
        await controller.Submit("connect", ct => controller.Runner.ConnectToAsync(TuiHarness.TargetFor(server), ct)).Done.Task.WaitAsync(TimeSpan.FromSeconds(10));

        var broken = controller.Submit("/bdat @huge --chunk 2000000000", _ => throw new OutOfMemoryException("Array dimensions exceeded supported range."));
        var after = controller.Submit("NOOP");

        Assert.Null(await broken.Done.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(StepStatus.Ok, (await after.Done.Task.WaitAsync(TimeSpan.FromSeconds(10)))!.Status);
        lock (events) Assert.Contains(events, e => e.Kind == TranscriptEventKind.Error && e.Text.Contains("OutOfMemoryException", StringComparison.Ordinal));
    }

    [Fact]
    public void HugeBdatChunk_IsAOneLineSyntaxError()
    {
        var ex = Assert.Throws<CommandSyntaxException>(() => CommandLineParser.Parse("/bdat @f --chunk 2147483647"));
        Assert.DoesNotContain('\n', ex.Message);
    }
}
