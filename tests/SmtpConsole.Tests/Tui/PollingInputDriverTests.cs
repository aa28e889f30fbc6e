using System.Collections.Concurrent;
using SmtpConsole.Tui;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using Terminal.Gui.Time;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace SmtpConsole.Tests.Tui;

/// <summary>
/// Round four (issue 16 §4): keys are read by <see cref="PollingAnsiInput"/>, which waits in poll() on stdin instead of
/// Terminal.Gui's fixed 20 ms sleep. It reaches Terminal.Gui through a private field (no public way in 2.5.0): these
/// tests fail when a Terminal.Gui update breaks that, instead of the console quietly falling back to the slow input.
/// </summary>
public sealed class PollingInputDriverTests
{
    [Fact]
    public void TerminalGui_BuildsItsInputFromOurFactory_AndRunsIt()
    {
        using IApplication app = Application.Create(new VirtualTimeProvider());
        var factory = PollingInputDriver.TryUse(app);
        Assert.NotNull(factory);
        app.Init();

        Assert.Equal(DriverRegistry.Names.ANSI, app.Driver!.GetName());
        Assert.True(SpinWait.SpinUntil(() => factory.Input is { Waits: > 0 }, TimeSpan.FromSeconds(10)), "the input loop never ran");
        Assert.False(factory.Input!.WaitsOnStdin); // no terminal under the test runner: it sleeps between checks, as Terminal.Gui does
    }

    [Fact]
    public void Keys_StillReachTheFocusedView()
    {
        using IApplication app = Application.Create(new VirtualTimeProvider());
        Assert.NotNull(PollingInputDriver.TryUse(app));
        app.Init();
        app.Driver!.SetScreenSize(40, 5);
        using var window = new Window();
        var field = new TextField { Width = Dim.Fill() };
        window.Add(field);
        var token = app.Begin(window)!;
        field.SetFocus();

        foreach (char c in "EHLO x") app.InjectKey(new Key(c));
        Assert.Equal("EHLO x", field.Text);
        app.End(token);
    }

    [Fact]
    public void ASecondFactory_IsNotForcedOnAnApplicationThatHasOne()
    {
        using IApplication app = Application.Create(new VirtualTimeProvider());
        Assert.NotNull(PollingInputDriver.TryUse(app));
        Assert.Null(PollingInputDriver.TryUse(app));
    }

    [Fact]
    public void TheLoop_QueuesWhatArrives_AndEndsWhenStopped()
    {
        var input = new PollingAnsiInput();
        IInput<char> asInput = input;
        var queue = new ConcurrentQueue<char>();
        asInput.Initialize(queue);
        using var stop = new CancellationTokenSource();
        var loop = new Thread(() => asInput.Run(stop.Token)) { IsBackground = true };
        loop.Start();

        foreach (char c in "MAIL") input.InjectInput(c);
        Assert.True(SpinWait.SpinUntil(() => queue.Count == 4, TimeSpan.FromSeconds(10)), "the loop did not read the keys");
        Assert.Equal("MAIL", string.Concat(queue));

        stop.Cancel();
        Assert.True(loop.Join(TimeSpan.FromSeconds(10)), "the loop did not stop");
        input.Dispose();
    }
}
