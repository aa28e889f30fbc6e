using BenchmarkDotNet.Attributes;
using SmtpConsole.Core.Transcript;

namespace SmtpConsole.Benchmarks;

/// <summary>Cost of recording one event (stamping + the Recorded event + a list append), 10,000 per invocation.</summary>
[MemoryDiagnoser]
public class TranscriptBenchmarks
{
    private const int Events = 10_000;
    private readonly string[] _texts = Enumerable.Range(0, Events).Select(i => $"RCPT TO:<user{i}@example.test>").ToArray();

    [Benchmark(OperationsPerInvoke = Events)]
    public int RecordIntoList()
    {
        var recorder = new TranscriptRecorder();
        var list = new List<TranscriptEvent>(Events);
        recorder.Recorded += list.Add;
        foreach (var text in _texts) recorder.Record(new TranscriptEvent(TranscriptEventKind.Send, text));
        return list.Count;
    }
}
