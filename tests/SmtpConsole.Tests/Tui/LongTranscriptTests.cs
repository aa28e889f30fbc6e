using System.Diagnostics;
using System.Globalization;
using SmtpConsole.Core.Protocol;
using SmtpConsole.Core.Transcript;
using SmtpConsole.Tests.Support;
using Terminal.Gui.Input;
using Xunit.Abstractions;

namespace SmtpConsole.Tests.Tui;

/// <summary>
/// A million events: the view must draw only the visible rows and keep no per-line objects. Timings are reported
/// (not asserted: this machine is shared) through the test output and <c>TestResults/long-transcript.txt</c>.
/// </summary>
public sealed class LongTranscriptTests(ITestOutputHelper output)
{
    private const int Events = 1_000_000;

    [Fact]
    public void MillionEvents_DrawOnlyTheViewport_AndTypingStaysCheap()
    {
        using var tui = TuiHarness.Start(width: 120, height: 35, writeLog: false);
        var store = tui.Host.Store;
        var view = tui.Window.Transcript;
        var report = new List<string>();

        // What a frame costs with an empty transcript: the framework's own allocations, the baseline below.
        tui.App.LayoutAndDraw(forceRedraw: true);
        long emptyBefore = GC.GetAllocatedBytesForCurrentThread();
        tui.App.LayoutAndDraw(forceRedraw: true);
        long emptyFrameBytes = GC.GetAllocatedBytesForCurrentThread() - emptyBefore;

        var events = SampleEvents();
        long before = GC.GetAllocatedBytesForCurrentThread();
        var append = Stopwatch.StartNew();
        for (int i = 0; i < Events; i++) store.Append(events[i % events.Length]());
        append.Stop();
        long appendBytes = GC.GetAllocatedBytesForCurrentThread() - before;
        view.OnStoreChanged(0);
        report.Add($"append: {Events:N0} events ({store.RowCount:N0} rows) in {append.Elapsed.TotalMilliseconds:0} ms = {Events / append.Elapsed.TotalSeconds:N0} events/s, {appendBytes / (double)Events:0} bytes/event allocated (events themselves included)");

        tui.App.LayoutAndDraw(forceRedraw: true);
        Assert.Equal(view.Viewport.Height, view.RowsDrawnLastFrame);
        Assert.True(view.Follow);

        var forced = Frames(tui, 10, () => { }, forceRedraw: true);
        report.Add($"whole screen forced redraw (all views, framework included): {Describe(forced)}");
        var bottom = Frames(tui, 50, view.SetNeedsDraw);
        report.Add($"transcript redraw at the bottom: {Describe(bottom)}");
        var own = new double[50];
        for (int i = 0; i < own.Length; i++)
        {
            view.SetNeedsDraw();
            tui.App.LayoutAndDraw();
            own[i] = view.LastDrawTime.TotalMilliseconds;
        }
        report.Add($"of which the view's own row drawing (OnDrawingContent): {Describe(own)}");
        var paging = Frames(tui, 50, view.PageUp);
        Assert.Equal(view.Viewport.Height, view.RowsDrawnLastFrame);
        report.Add($"PageUp + redraw: {Describe(paging)}");
        Assert.False(view.Follow);
        var jumping = Frames(tui, 20, () => view.ScrollTo(Random.Shared.Next(store.RowCount)));
        report.Add($"jump anywhere + redraw: {Describe(jumping)}");
        Assert.True(view.RowsDrawnLastFrame <= view.Viewport.Height);

        long drawBefore = GC.GetAllocatedBytesForCurrentThread();
        tui.App.LayoutAndDraw(forceRedraw: true);
        long drawBytes = GC.GetAllocatedBytesForCurrentThread() - drawBefore;
        report.Add($"allocated by one full frame: {drawBytes / 1024.0:0} KB with {store.RowCount:N0} rows, {emptyFrameBytes / 1024.0:0} KB with an empty transcript");
        // Per-line objects for a million lines would be tens of megabytes more than the empty frame; the view builds only its visible rows.
        Assert.True(drawBytes - emptyFrameBytes < 1024 * 1024, $"one frame allocated {drawBytes:N0} bytes against {emptyFrameBytes:N0} for an empty transcript");

        tui.Press(Key.End.WithCtrl);
        Assert.True(view.Follow);
        var typing = Frames(tui, 40, () => tui.Press(new Key('x')));
        report.Add($"keystroke + redraw (typing): {Describe(typing)}");
        Assert.Equal(new string('x', 40), tui.Window.Input.Text);

        var live = Frames(tui, 50, () =>
        {
            tui.Host.Dispatcher.Write(new TranscriptEvent(TranscriptEventKind.Info, "live line"));
            tui.Window.Tick();
        });
        report.Add($"one new event while following + redraw: {Describe(live)}");
        Assert.Equal(store.RowCount - view.Viewport.Height, view.Viewport.Y);

        foreach (var line in report) output.WriteLine(line);
        Directory.CreateDirectory("TestResults");
        File.WriteAllLines(Path.Combine("TestResults", "long-transcript.txt"), report);
    }

    /// <summary>Times <paramref name="count"/> frames: the action, then a normal (not forced) layout and draw.</summary>
    private static double[] Frames(TuiHarness tui, int count, Action before, bool forceRedraw = false)
    {
        var times = new double[count];
        for (int i = 0; i < count; i++)
        {
            var watch = Stopwatch.StartNew();
            before();
            tui.App.LayoutAndDraw(forceRedraw);
            times[i] = watch.Elapsed.TotalMilliseconds;
        }
        return times;
    }

    private static string Describe(double[] times)
    {
        var sorted = times.Order().ToArray();
        return string.Create(CultureInfo.InvariantCulture,
            $"median {sorted[sorted.Length / 2]:0.00} ms, p90 {sorted[(int)(sorted.Length * 0.9)]:0.00} ms, max {sorted[^1]:0.00} ms over {times.Length} frames");
    }

    /// <summary>A realistic mix: commands, one-line and multi-line replies, info, an occasional refusal.</summary>
    private static Func<TranscriptEvent>[] SampleEvents()
    {
        var ok = SmtpReply.Create(250, "2.1.0 Ok");
        var ehlo = SmtpReply.Create(250, "mx.example.com", "PIPELINING", "SIZE 10485760", "AUTH PLAIN LOGIN", "8BITMIME");
        var refused = SmtpReply.Create(550, "5.1.1 <nobody@example.com>: Recipient address rejected: User unknown");
        string okText = string.Join('\n', ok.FormatLines());
        string ehloText = string.Join('\n', ehlo.FormatLines());
        string refusedText = string.Join('\n', refused.FormatLines());
        var mix = new List<Func<TranscriptEvent>>();
        for (int i = 0; i < 997; i++)
        {
            mix.Add(() => new TranscriptEvent(TranscriptEventKind.Send, "MAIL FROM:<sender@example.com>"));
            mix.Add(() => new TranscriptEvent(TranscriptEventKind.Reply, okText) { Reply = ok });
        }
        mix.Add(() => new TranscriptEvent(TranscriptEventKind.Send, "EHLO client.example"));
        mix.Add(() => new TranscriptEvent(TranscriptEventKind.Reply, ehloText) { Reply = ehlo });
        mix.Add(() => new TranscriptEvent(TranscriptEventKind.Reply, refusedText) { Reply = refused });
        mix.Add(() => TranscriptEvent.Info("server offers: PIPELINING, SIZE, AUTH PLAIN LOGIN"));
        return [.. mix];
    }
}
