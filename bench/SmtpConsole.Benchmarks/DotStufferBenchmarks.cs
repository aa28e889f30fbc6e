using BenchmarkDotNet.Attributes;
using SmtpConsole.Core.Protocol;

namespace SmtpConsole.Benchmarks;

/// <summary>DotStuffer in the 64 KiB chunks SendDataBodyAsync uses; throughput of input bytes.</summary>
[MemoryDiagnoser]
public class DotStufferBenchmarks
{
    private const int Chunk = 64 * 1024;
    private readonly byte[] _output = new byte[DotStuffer.MaxOutputLength(Chunk)];

    [Benchmark, Workload("text")]
    public long MailText_Crlf() => Run(BodyData.Text);

    [Benchmark, Workload("barelf")]
    public long MailText_BareLf() => Run(BodyData.BareLf);

    [Benchmark, Workload("dots")]
    public long EveryLineDotted() => Run(BodyData.Dots);

    private long Run(byte[] input)
    {
        var stuffer = new DotStuffer();
        long written = 0;
        for (int offset = 0; offset < input.Length; offset += Chunk)
            written += stuffer.Stuff(input.AsSpan(offset, Math.Min(Chunk, input.Length - offset)), _output);
        return written + stuffer.Finish().Length;
    }
}
