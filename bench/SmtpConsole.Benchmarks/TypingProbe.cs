using System.Diagnostics;
using System.Globalization;
using SmtpConsole.Core.Commands;
using SmtpConsole.Core.Session;
using SmtpConsole.App;
using SmtpConsole.Tui;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using Terminal.Gui.Time;

namespace SmtpConsole.Benchmarks;

/// <summary>
/// Typed (unbracketed) input through the real key path: the console window on the headless ANSI driver (120x35),
/// connected to a server (e.g. Postfix's smtp-sink) and in DATA mode, gets LINES body lines of 50 characters as single
/// key events, one main-loop iteration's worth (KEYS_PER_ITERATION) between frames, like a terminal "typing" a paste.
/// Reports time per key for the key handling and for the frames. usage: typing PORT [LINES] [KEYS_PER_ITERATION]
/// </summary>
internal static class TypingProbe
{
    public static int Run(string[] args)
    {
        int port = int.Parse(args[0], CultureInfo.InvariantCulture);
        int lines = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 300;
        int perIteration = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 256;
        Measure(port, 30, perIteration, print: false);
        Measure(port, lines, perIteration, print: true);
        return 0;
    }

    private static void Measure(int port, int lines, int perIteration, bool print)
    {
        using IApplication app = HeadlessConsole.CreateApplication();
        var (host, data) = HeadlessConsole.CreateHost("typing", port);
        using var window = host.CreateWindow();
        var token = app.Begin(window) ?? throw new InvalidOperationException("the window did not start");
        host.Connect(new ConnectOptions { Host = "127.0.0.1", Port = port, EhloName = "bench.example", Security = SecurityMode.Plain });
        WaitIdle(host, window);
        foreach (string command in (string[])["EHLO bench.example", "MAIL FROM:<a@example.test>", "RCPT TO:<b@example.test>", "DATA"])
        {
            foreach (char c in command) app.InjectKey(new Key(c));
            app.InjectKey(Key.Enter);
            WaitIdle(host, window);
        }
        app.LayoutAndDraw(forceRedraw: true);

        var keys = new List<Key>();
        for (int i = 0; i < lines; i++)
        {
            foreach (char c in string.Create(CultureInfo.InvariantCulture, $"{i:0000} ") + new string((char)('a' + i % 26), 44)) keys.Add(new Key(c));
            keys.Add(Key.Enter);
        }
        double keyMs = 0, drawMs = 0, tickMs = 0, enterMs = 0;
        int frames = 0;
        for (int start = 0; start < keys.Count; start += perIteration)
        {
            long t0 = Stopwatch.GetTimestamp();
            for (int k = start; k < Math.Min(keys.Count, start + perIteration); k++)
            {
                if (keys[k] != Key.Enter)
                {
                    app.InjectKey(keys[k]);
                    continue;
                }
                long e0 = Stopwatch.GetTimestamp();
                app.InjectKey(keys[k]);
                enterMs += Stopwatch.GetElapsedTime(e0).TotalMilliseconds;
            }
            long t1 = Stopwatch.GetTimestamp();
            app.LayoutAndDraw();
            long t2 = Stopwatch.GetTimestamp();
            window.Tick();
            long t3 = Stopwatch.GetTimestamp();
            keyMs += Stopwatch.GetElapsedTime(t0, t1).TotalMilliseconds;
            drawMs += Stopwatch.GetElapsedTime(t1, t2).TotalMilliseconds;
            tickMs += Stopwatch.GetElapsedTime(t2, t3).TotalMilliseconds;
            frames++;
        }
        long w0 = Stopwatch.GetTimestamp();
        foreach (char c in ".") app.InjectKey(new Key(c));
        app.InjectKey(Key.Enter);
        WaitIdle(host, window);
        double settle = Stopwatch.GetElapsedTime(w0).TotalMilliseconds;
        if (print)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{lines} lines = {keys.Count:N0} keys, {perIteration} keys per frame: keys {keyMs:0} ms ({1000 * keyMs / keys.Count:0.0} µs/key; Enter alone {enterMs:0} ms, {1000 * enterMs / lines:0} µs each), frames {drawMs:0} ms ({frames} frames, {drawMs / frames:0.00} ms each), ticks {tickMs:0} ms, to the end of data {settle:0} ms"));
        }
        app.End(token);
        try
        {
            Directory.Delete(data, recursive: true);
        }
        catch (IOException)
        {
            // best effort
        }
    }

    private static void WaitIdle(ConsoleHost host, ConsoleWindow window)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        do
        {
            window.Pump();
            Thread.Sleep(2);
        }
        while (!(host.Controller.IsIdle && host.Dispatcher.IsEmpty) && DateTime.UtcNow < deadline);
        window.Pump();
    }
}
