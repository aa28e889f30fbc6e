using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using SmtpConsole.Core.Protocol;
using SmtpConsole.Core.Transcript;

namespace SmtpConsole.Benchmarks;

/// <summary>
/// Holds N transcript events (default 1,000,000) recorded through <see cref="TranscriptRecorder"/> into a list, and reports
/// the memory they keep alive per event beyond their display text, bytes allocated per append and time per append.
/// Text size is computed exactly (a .NET string is 22 + 2×length bytes rounded up to 8 on 64-bit), so
/// "overhead" = held − text.
/// </summary>
internal static class TranscriptScale
{
    private enum Mix { Send, Reply, Session }

    public static int Run(string[] args)
    {
        int n = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
        Console.WriteLine($"transcript scale: {n:N0} events, {Environment.ProcessorCount} CPUs, {RuntimeInformationText()}");
        Console.WriteLine("| mix | held B/event | text B/event | overhead B/event | allocated B/append | append ns/event |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var mix in new[] { Mix.Send, Mix.Reply, Mix.Session })
        {
            Measure(mix, Math.Min(n, 10_000), print: false); // warm-up: JIT, tiering
            Measure(mix, n, print: true);
        }
        return 0;
    }

    private static string RuntimeInformationText() =>
        $"{System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, GC {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}";

    private static void Measure(Mix mix, int n, bool print)
    {
        var parser = new ReplyParser();
        var replyBytes = "250 2.1.5 Ok\r\n"u8.ToArray();
        Collect();
        long before = GC.GetTotalMemory(true);
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var stopwatch = Stopwatch.StartNew();

        var recorder = new TranscriptRecorder();
        var held = new List<TranscriptEvent>();
        recorder.Recorded += held.Add;
        long textBytes = 0;
        for (int i = 0; i < n; i++)
        {
            bool reply = mix == Mix.Reply || (mix == Mix.Session && (i & 1) == 1);
            TranscriptEvent e;
            if (reply)
            {
                var buffer = new ReadOnlySequence<byte>(replyBytes);
                parser.TryRead(ref buffer, out var parsed);
                e = new TranscriptEvent(TranscriptEventKind.Reply, string.Join('\n', parsed!.FormatLines())) { Reply = parsed };
            }
            else
            {
                e = new TranscriptEvent(TranscriptEventKind.Send, string.Create(CultureInfo.InvariantCulture, $"RCPT TO:<user{i}@example.test>"));
            }
            recorder.Record(e);
            textBytes += StringSize(e.Text);
        }

        stopwatch.Stop();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        Collect();
        long after = GC.GetTotalMemory(true);
        GC.KeepAlive(held);
        GC.KeepAlive(recorder);
        if (!print) return;
        double heldPer = (after - before) / (double)n;
        double textPer = textBytes / (double)n;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {Describe(mix)} | {heldPer:N1} | {textPer:N1} | {heldPer - textPer:N1} | {allocated / (double)n:N1} | {stopwatch.Elapsed.TotalNanoseconds / n:N0} |"));
    }

    private static string Describe(Mix mix) => mix switch
    {
        Mix.Send => "send events (\"RCPT TO:<userN@example.test>\")",
        Mix.Reply => "reply events (\"250 2.1.5 Ok\" + its SmtpReply)",
        _ => "session: alternating send / reply",
    };

    /// <summary>Bytes of a string object on 64-bit .NET: header 8 + method table 8 + length 4 + UTF-16 chars + terminator 2, rounded up to 8.</summary>
    private static long StringSize(string s) => (22 + 2L * s.Length + 7) & ~7L;

    private static void Collect()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
    }
}
