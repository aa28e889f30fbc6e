using System.Diagnostics;
using System.Globalization;
using SmtpConsole.Core.Session;
using SmtpConsole.Core.Transcript;

namespace SmtpConsole.Benchmarks;

/// <summary>
/// In-process engine cost of a pipelined group: EHLO, then MAIL + N RCPT in one <see cref="SmtpSession.SendPipelinedAsync"/>
/// against a server (default: the local smtp-sink), with no transcript sink — only the engine, the parser and the
/// transcript recorder. Reports time and bytes allocated per command (best of 5 rounds after a warm-up).
/// usage: pipeline [COUNT] [HOST] [PORT]
/// </summary>
internal static class PipelineProbe
{
    public static async Task<int> RunAsync(string[] args)
    {
        int count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        string host = args.Length > 1 ? args[1] : "127.0.0.1";
        int port = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2527;
        var lines = new List<string>(count + 1) { "MAIL FROM:<alice@example.test>" };
        for (int i = 0; i < count; i++) lines.Add($"RCPT TO:<rcpt{i}@example.test>");

        Console.WriteLine($"pipeline probe: MAIL + {count:N0} RCPT to {host}:{port}, in process, no transcript sink");
        Console.WriteLine("| round | ms | commands/s | allocated B/command | events |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        for (int round = 0; round < 6; round++)
        {
            var recorder = new TranscriptRecorder();
            long events = 0;
            recorder.Recorded += _ => events++;
            await using var session = new SmtpSession(recorder);
            var connected = await session.ConnectAsync(new ConnectOptions { Host = host, Port = port, EhloName = "bench.example.test" });
            if (!connected.Succeeded) throw new InvalidOperationException("connect failed: " + connected.Failure);
            await session.EhloAsync("bench.example.test");
            GC.Collect();
            long allocated = GC.GetTotalAllocatedBytes(precise: true);
            var stopwatch = Stopwatch.StartNew();
            var results = await session.SendPipelinedAsync(lines);
            stopwatch.Stop();
            allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
            if (results.Count != lines.Count || results.Any(r => r.Reply?.Code != 250)) throw new InvalidOperationException("not every command got a 250");
            await session.QuitAsync();
            if (round == 0) continue; // warm-up
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {round} | {stopwatch.Elapsed.TotalMilliseconds:N1} | {lines.Count / stopwatch.Elapsed.TotalSeconds:N0} | {allocated / (double)lines.Count:N0} | {events:N0} |"));
        }
        return 0;
    }
}
