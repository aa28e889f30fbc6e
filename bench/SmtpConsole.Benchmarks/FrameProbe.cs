using System.Diagnostics;
using System.Globalization;
using SmtpConsole.Core.Commands;
using SmtpConsole.Core.Protocol;
using SmtpConsole.Core.Session;
using SmtpConsole.Core.Transcript;
using SmtpConsole.Tui;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Time;

namespace SmtpConsole.Benchmarks;

/// <summary>
/// TUI frame time against transcript length: the real console window on the headless ANSI driver (120x35), its
/// TranscriptStore filled with 1,000 and then 1,000,000 events (commands, one- and multi-line replies, info), then
/// full-screen forced redraws and transcript-only redraws, timed with a Stopwatch. Target: ≤ 10 ms per full frame,
/// independent of the length. Also the store's memory per event. usage: frames [EVENTS...]
/// </summary>
internal static class FrameProbe
{
    public static int Run(string[] args)
    {
        int[] sizes = args.Length > 0 ? args.Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray() : [1_000, 1_000_000];
        Console.WriteLine("TUI frame time (headless ANSI driver, 120x35, Release, this process's JIT after warm-up)");
        Console.WriteLine("| events | rows | full frame, forced (median / p90 ms) | … CPU (mean ms) | … allocated (mean KB) | transcript redraw (median / p90 ms) | view's own drawing (median ms / B allocated) | page up + redraw (median ms) | store B/event above text |");
        Console.WriteLine("|---:|---:|---|---:|---:|---|---:|---:|---:|");
        Measure(sizes[0], print: false); // warm-up: JIT tiers, Terminal.Gui's caches
        foreach (int n in sizes) Measure(n, print: true);
        return 0;
    }

    private static void Measure(int n, bool print)
    {
        using IApplication app = HeadlessConsole.CreateApplication();
        var (host, data) = HeadlessConsole.CreateHost("frames", 25);
        using var window = host.CreateWindow();
        var token = app.Begin(window) ?? throw new InvalidOperationException("the window did not start");
        window.Pump();

        var make = SampleEvents();
        var events = new TranscriptEvent[n];
        for (int i = 0; i < n; i++) events[i] = make[i % make.Length](i);
        long textBytes = events.Select(e => e.Text).Distinct(ReferenceEqualityComparer.Instance).Sum(t => StringSize((string)t!));
        GC.Collect();
        long before = GC.GetTotalMemory(true);
        foreach (var e in events) host.Store.Append(e);
        long after = GC.GetTotalMemory(true);
        long eventsAndTexts = EventsSize(events) + textBytes;
        window.Transcript.OnStoreChanged(0);

        for (int i = 0; i < 10; i++) app.LayoutAndDraw(forceRedraw: true); // warm-up
        // CPU of the whole process over the frames (user+sys; the only other thread is Terminal.Gui's idle input loop),
        // which load from other processes hardly changes, unlike the wall time.
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        var full = Frames(50, () => { }, () => app.LayoutAndDraw(forceRedraw: true));
        double fullKb = (GC.GetAllocatedBytesForCurrentThread() - allocated) / 1024.0 / full.Length;
        double fullCpu = (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / full.Length;
        var transcript = Frames(50, window.Transcript.SetNeedsDraw, () => app.LayoutAndDraw());
        var own = new double[50];
        for (int i = 0; i < own.Length; i++)
        {
            window.Transcript.SetNeedsDraw();
            app.LayoutAndDraw();
            own[i] = window.Transcript.LastDrawTime.TotalMilliseconds;
        }
        long ownAllocated = window.Transcript.LastDrawAllocated;
        var paging = Frames(30, window.Transcript.PageUp, () => app.LayoutAndDraw());
        double storePerEvent = (after - before) / (double)n; // the store's own structures: the events existed before
        if (print) Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {n:N0} | {host.Store.RowCount:N0} | {Median(full):0.00} / {P90(full):0.00} | {fullCpu:0.00} | {fullKb:0} | {Median(transcript):0.00} / {P90(transcript):0.00} | {Median(own):0.00} / {ownAllocated} | {Median(paging):0.00} | {storePerEvent + (eventsAndTexts - textBytes) / (double)n:0} |"));
        app.End(token);
        GC.KeepAlive(events);
        try
        {
            Directory.Delete(data, recursive: true);
        }
        catch (IOException)
        {
            // best effort
        }
    }

    private static double[] Frames(int count, Action before, Action draw)
    {
        var times = new double[count];
        for (int i = 0; i < count; i++)
        {
            before();
            long start = Stopwatch.GetTimestamp();
            draw();
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        return times;
    }

    private static double Median(double[] times) => times.Order().ElementAt(times.Length / 2);

    private static double P90(double[] times) => times.Order().ElementAt((int)(times.Length * 0.9));

    private static long StringSize(string s) => (22 + 2L * s.Length + 7) & ~7L;

    /// <summary>The TranscriptEvent objects themselves (measured, not guessed: allocate a sample and read the GC's counter).</summary>
    private static long EventsSize(TranscriptEvent[] events)
    {
        long start = GC.GetAllocatedBytesForCurrentThread();
        var probe = new TranscriptEvent(TranscriptEventKind.Send, string.Empty);
        long one = GC.GetAllocatedBytesForCurrentThread() - start;
        GC.KeepAlive(probe);
        return one * events.Length;
    }

    /// <summary>A session's mix: commands, one-line (shared, as the parser hands them out) and multi-line replies, info.</summary>
    private static Func<int, TranscriptEvent>[] SampleEvents()
    {
        var ok = SmtpReply.Create(250, "2.1.5 Ok");
        var ehlo = SmtpReply.Create(250, "mx.example.com", "PIPELINING", "SIZE 10485760", "AUTH PLAIN LOGIN", "8BITMIME");
        var refused = SmtpReply.Create(550, "5.1.1 <nobody@example.com>: Recipient address rejected: User unknown");
        var mix = new List<Func<int, TranscriptEvent>>();
        for (int i = 0; i < 97; i++)
        {
            mix.Add(i => new TranscriptEvent(TranscriptEventKind.Send, string.Create(CultureInfo.InvariantCulture, $"RCPT TO:<user{i}@example.com>")));
            mix.Add(_ => new TranscriptEvent(TranscriptEventKind.Reply, ok.DisplayText) { Reply = ok });
        }
        mix.Add(_ => new TranscriptEvent(TranscriptEventKind.Send, "EHLO client.example"));
        mix.Add(_ => new TranscriptEvent(TranscriptEventKind.Reply, ehlo.DisplayText) { Reply = ehlo });
        mix.Add(_ => new TranscriptEvent(TranscriptEventKind.Reply, refused.DisplayText) { Reply = refused });
        mix.Add(_ => TranscriptEvent.Info("server offers: PIPELINING, SIZE, AUTH PLAIN LOGIN"));
        return [.. mix];
    }
}
