using System.Buffers;
using BenchmarkDotNet.Attributes;
using SmtpConsole.Core.Protocol;

namespace SmtpConsole.Benchmarks;

/// <summary>
/// ReplyParser on whole buffers, on byte-per-segment chains, and fed the way a PipeReader feeds it when bytes
/// trickle in (each call sees the unconsumed tail plus the new bytes: the re-scan case).
/// </summary>
[MemoryDiagnoser]
public class ReplyParserBenchmarks
{
    private readonly ReplyParser _parser = new();
    private ReadOnlySequence<byte> _streamBytewise;
    private ReadOnlySequence<byte> _longLineBytewise;

    [GlobalSetup]
    public void Setup()
    {
        _streamBytewise = ReplyData.Segmented(ReplyData.Stream, 1);
        _longLineBytewise = ReplyData.Segmented(ReplyData.LongLine, 1);
    }

    [Benchmark, Workload("single")]
    public int Single() => ParseAll(new ReadOnlySequence<byte>(ReplyData.Single));

    [Benchmark, Workload("ehlo")]
    public int Ehlo() => ParseAll(new ReadOnlySequence<byte>(ReplyData.Ehlo));

    [Benchmark, Workload("replies")]
    public int Replies_OneSegment() => ParseAll(new ReadOnlySequence<byte>(ReplyData.Stream));

    [Benchmark, Workload("replies")]
    public int Replies_OneBytePerSegment() => ParseAll(_streamBytewise);

    [Benchmark, Workload("replies")]
    public int Replies_Trickle1Byte() => Trickle(ReplyData.Stream, 1);

    [Benchmark, Workload("longline")]
    public int LongLine_OneBytePerSegment() => ParseAll(_longLineBytewise);

    [Benchmark, Workload("longline")]
    public int LongLine_Trickle1Byte() => Trickle(ReplyData.LongLine, 1);

    [Benchmark, Workload("longline")]
    public int LongLine_Trickle64Bytes() => Trickle(ReplyData.LongLine, 64);

    private int ParseAll(ReadOnlySequence<byte> buffer)
    {
        int replies = 0;
        while (_parser.TryRead(ref buffer, out _)) replies++;
        return replies;
    }

    /// <summary>Like SmtpConnection's loop: AdvanceTo(consumed, examined), then the next read adds <paramref name="step"/> bytes.</summary>
    private int Trickle(byte[] data, int step)
    {
        int replies = 0;
        int consumed = 0;
        for (int end = Math.Min(step, data.Length); ; end = Math.Min(end + step, data.Length))
        {
            var buffer = new ReadOnlySequence<byte>(data, consumed, end - consumed);
            while (_parser.TryRead(ref buffer, out _)) replies++;
            consumed = end - (int)buffer.Length;
            if (end == data.Length) return replies;
        }
    }
}
