using BenchmarkDotNet.Running;

namespace SmtpConsole.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release -- --filter '*'</c> runs the BenchmarkDotNet suites;
/// <c>dotnet run -c Release -- scale [N]</c> runs the transcript-scale probe (memory held per event, append time);
/// <c>dotnet run -c Release -- pipeline [N] [HOST] [PORT]</c> times a pipelined group in process (engine only);
/// <c>dotnet run -c Release -- frames [EVENTS...]</c> times TUI frames with 1k and 1M transcript events.
/// <c>dotnet run -c Release -- typing PORT [LINES] [KEYS]</c> times typed (unbracketed) body lines through the key path.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "scale") return TranscriptScale.Run(args[1..]);
        if (args.Length > 0 && args[0] == "frames") return FrameProbe.Run(args[1..]);
        if (args.Length > 0 && args[0] == "typing") return TypingProbe.Run(args[1..]);
        if (args.Length > 0 && args[0] == "pipeline") return PipelineProbe.RunAsync(args[1..]).GetAwaiter().GetResult();
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, BenchConfig.Create());
        return 0;
    }
}
