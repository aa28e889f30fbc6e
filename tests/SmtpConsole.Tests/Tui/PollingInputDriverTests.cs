using System.Collections.Concurrent;
using System.Runtime.InteropServices;
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

    [Fact]
    public void TheWait_EndsWhenInputArrives_AndReportsAHangUpInsteadOfSpinning()
    {
        var fds = new int[2];
        Assert.Equal(0, Pipe(fds));
        int readEnd = fds[0], writeEnd = fds[1];
        try
        {
            Assert.Equal(PollingAnsiInput.InputWait.TimedOut, PollingAnsiInput.WaitForInput(readEnd, 30));

            Assert.Equal(1, Write(writeEnd, [(byte)'x'], 1));
            Assert.Equal(PollingAnsiInput.InputWait.Readable, PollingAnsiInput.WaitForInput(readEnd, 5_000));
            var buffer = new byte[1];
            Assert.Equal(1, Read(readEnd, buffer, 1));

            // The terminal went away: poll() says so at once, and the loop must sleep rather than ask again straight away.
            Close(writeEnd);
            writeEnd = -1;
            Assert.Equal(PollingAnsiInput.InputWait.Other, PollingAnsiInput.WaitForInput(readEnd, 5_000));
        }
        finally
        {
            Close(readEnd);
            if (writeEnd >= 0) Close(writeEnd);
        }
    }

#pragma warning disable SYSLIB1054 // test-only libc calls with blittable arguments
    [DllImport("libc", EntryPoint = "pipe", SetLastError = true)]
    private static extern int Pipe(int[] fds);

    [DllImport("libc", EntryPoint = "write", SetLastError = true)]
    private static extern nint Write(int fd, byte[] buffer, nint count);

    [DllImport("libc", EntryPoint = "read", SetLastError = true)]
    private static extern nint Read(int fd, byte[] buffer, nint count);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    private static extern int Close(int fd);
#pragma warning restore SYSLIB1054
}
