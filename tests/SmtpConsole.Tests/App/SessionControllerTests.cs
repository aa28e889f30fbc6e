using SmtpConsole.Core.Commands;
using SmtpConsole.Core.Session;
using SmtpConsole.Core.Transcript;
using SmtpConsole.Tests.Support;
using SmtpConsole.Tui;

namespace SmtpConsole.Tests.App;

public sealed class SessionControllerTests
{
    private static (SessionController Controller, TranscriptRecorder Recorder, CommandHistory History) Create()
    {
        var recorder = new TranscriptRecorder();
        var session = new SmtpSession(recorder);
        var history = CommandHistory.InMemory();
        var runner = new CommandRunner(session, NonInteractive.Instance, new RunnerSettings());
        return (new SessionController(runner, history), recorder, history);
    }

    [Fact]
    public async Task Steps_RunOneAtATimeInOrder_AndTypedLinesReachTheHistory()
    {
        await using var server = ScriptedSmtpServer.Start("220 ok", new ScriptedReply("250 one", TimeSpan.FromMilliseconds(200)), "250 two");
        var (controller, _, history) = Create();
        await using var owned = controller;
        var connected = controller.Submit("connect", ct => controller.Runner.ConnectToAsync(TuiHarness.TargetFor(server), ct));
        var first = controller.Submit("NOOP 1");
        var second = controller.Submit("NOOP 2", StepSource.Script);

        var outcomes = await Task.WhenAll(connected.Done.Task, first.Done.Task, second.Done.Task).WaitAsync(TimeSpan.FromSeconds(15));

        Assert.All(outcomes, o => Assert.Equal(StepStatus.Ok, o!.Status));
        Assert.Equal(["NOOP 1", "NOOP 2"], server.Commands);
        Assert.Equal(["NOOP 1"], history.Snapshot());
        Assert.True(controller.IsIdle);
    }

    [Fact]
    public async Task CancelPending_CancelsTheRunningStepAndDropsTheQueue()
    {
        await using var server = ScriptedSmtpServer.Start("220 ok", ScriptedReply.Silence);
        var (controller, _, _) = Create();
        await using var owned = controller;
        await controller.Submit("connect", ct => controller.Runner.ConnectToAsync(TuiHarness.TargetFor(server), ct)).Done.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var hanging = controller.Submit("NOOP");
        var queued = controller.Submit("RSET");
        Assert.True(await server.WaitForCommandsAsync(1, TimeSpan.FromSeconds(5)));

        Assert.Equal(2, controller.CancelPending());

        var outcome = await hanging.Done.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(StepStatus.Failed, outcome!.Status);
        Assert.Null(await queued.Done.Task.WaitAsync(TimeSpan.FromSeconds(1)));
        Assert.True(controller.Session.IsConnected);
    }

    [Fact]
    public async Task Quit_SendsQuit_AndGivesUpOnASilentServer()
    {
        await using var server = ScriptedSmtpServer.Start("220 ok", ScriptedReply.Silence);
        var (controller, _, _) = Create();
        await using var owned = controller;
        await controller.Submit("connect", ct => controller.Runner.ConnectToAsync(TuiHarness.TargetFor(server), ct)).Done.Task.WaitAsync(TimeSpan.FromSeconds(10));

        var watch = System.Diagnostics.Stopwatch.StartNew();
        await controller.QuitAsync(TimeSpan.FromMilliseconds(300)).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5));
        // QuitAsync returns at the latest 1 s after its timeout even if the closing step still runs (a loaded machine):
        // the connection must be closed within the same 5 s, not necessarily at the instant QuitAsync returned.
        var closing = System.Diagnostics.Stopwatch.StartNew();
        while (controller.Session.IsConnected && closing.Elapsed < TimeSpan.FromSeconds(5)) await Task.Delay(20);
        Assert.False(controller.Session.IsConnected);
        // The client gave up after writing QUIT; the server's reader may record the line a moment later.
        Assert.True(await server.WaitForCommandsAsync(1, TimeSpan.FromSeconds(5)), "QUIT never reached the server");
        Assert.Equal(["QUIT"], server.Commands);
    }
}
