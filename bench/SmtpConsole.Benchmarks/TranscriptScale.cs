using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using SmtpConsole.Core.Protocol;
using SmtpConsole.Core.Transcript;

namespace SmtpConsole.Benchmarks;

/// <summary>
/// Holds N transcript events (default 1,000,000) recorded through <see cref="TranscriptRecorder"/> into a list, then into the
/// TUI's <see cref="TranscriptStore"/> (which adds display-row bookkeeping, 32 B per event), and reports
/// the memory they keep alive per event beyond their display text, bytes allocated per append and time per append.
/// Text size is computed exactly for each distinct text string held (a .NET string is 22 + 2×length bytes rounded up to 8
/// on 64-bit), so "overhead" = held − text. The distinct texts are found after the timed loop, and the set is garbage by the "after" reading.
/// </summary>
internal static class TranscriptScale
{
    private enum Mix { Send, RepeatedReply, DistinctReply, Session }

    public static int Run(string[] args)
    {
        int n = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
        Console.WriteLine($"transcript scale: {n:N0} events, {Environment.ProcessorCount} CPUs, {RuntimeInformationText()}");
        Console.WriteLine("| held in | mix | held B/event | text B/event | overhead B/event | allocated B/append | append ns/event |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (bool store in new[] { false, true })
        {
            foreach (var mix in Enum.GetValues<Mix>())
            {
                Measure(mix, Math.Min(n, 10_000), store, print: false); // warm-up: JIT, tiering
                Measure(mix, n, store, print: true);
            }
        }
        return 0;
    }

    private static string RuntimeInformationText() =>
        $"{System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, GC {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}";

    private static void Measure(Mix mix, int n, bool inStore, bool print)
    {
        var parser = new ReplyParser();
        var replyBytes = "250 2.1.5 Ok\r\n"u8.ToArray();
        Collect();
        long before = GC.GetTotalMemory(true);
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var stopwatch = Stopwatch.StartNew();

        var recorder = new TranscriptRecorder();
        var held = new List<TranscriptEvent>();
        var store = inStore ? new TranscriptStore() : null;
        if (store is not null) recorder.Recorded += e => store.Append(e);
        else recorder.Recorded += held.Add;
        for (int i = 0; i < n; i++)
        {
            TranscriptEvent e;
            if (mix == Mix.Send || (mix == Mix.Session && (i & 1) == 0))
            {
                e = new TranscriptEvent(TranscriptEventKind.Send, string.Create(CultureInfo.InvariantCulture, $"RCPT TO:<user{i}@example.test>"));
            }
            else
            {
                // As SmtpSession records it: the parsed reply and its display text.
                var bytes = mix == Mix.DistinctReply ? Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"250 2.0.0 Ok: queued as {i:X8}\r\n")) : replyBytes;
                var buffer = new ReadOnlySequence<byte>(bytes);
                parser.TryRead(ref buffer, out var parsed);
                e = new TranscriptEvent(TranscriptEventKind.Reply, parsed!.DisplayText) { Reply = parsed };
            }
            recorder.Record(e);
        }

        stopwatch.Stop();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        long textBytes = TextBytes(store is not null ? store.Events() : held);
        Collect();
        long after = GC.GetTotalMemory(true);
        GC.KeepAlive(held);
        GC.KeepAlive(store);
        GC.KeepAlive(recorder);
        if (!print) return;
        double heldPer = (after - before) / (double)n;
        double textPer = textBytes / (double)n;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {(inStore ? "TranscriptStore" : "List<TranscriptEvent>")} | {Describe(mix)} | {heldPer:N1} | {textPer:N1} | {heldPer - textPer:N1} | {allocated / (double)n:N1} | {stopwatch.Elapsed.TotalNanoseconds / n:N0} |"));
    }

    private static string Describe(Mix mix) => mix switch
    {
        Mix.Send => "send events (\"RCPT TO:<userN@example.test>\")",
        Mix.RepeatedReply => "reply events, byte-identical (\"250 2.1.5 Ok\", as in a pipelined group)",
        Mix.DistinctReply => "reply events, all different (\"250 2.0.0 Ok: queued as N\") + their SmtpReply",
        _ => "session: alternating send / identical reply",
    };

    /// <summary>Sizes of the distinct text strings the events hold (a shared reply text counts once).</summary>
    private static long TextBytes(IEnumerable<TranscriptEvent> events)
    {
        var seen = new HashSet<string>(ReferenceEqualityComparer.Instance);
        long bytes = 0;
        foreach (var e in events)
            if (seen.Add(e.Text)) bytes += StringSize(e.Text);
        return bytes;
    }

    /// <summary>Bytes of a string object on 64-bit .NET: header 8 + method table 8 + length 4 + UTF-16 chars + terminator 2, rounded up to 8.</summary>
    private static long StringSize(string s) => (22 + 2L * s.Length + 7) & ~7L;

    private static void Collect()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
    }
}
