using System.Text;
using SharpFuzz;

namespace SmtpConsole.Fuzz;

/// <summary>
/// <c>SmtpConsole.Fuzz TARGET</c> runs under afl-fuzz (SharpFuzz persistent mode, input on stdin);
/// <c>SmtpConsole.Fuzz TARGET --replay PATH…</c> runs files or folders directly, to reproduce a finding or check a corpus.
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        if (args.Length == 0 || !FuzzTargets.All.TryGetValue(args[0], out var target))
        {
            Console.Error.WriteLine($"usage: SmtpConsole.Fuzz {string.Join('|', FuzzTargets.All.Keys)} [--replay FILE|DIR …]");
            return 2;
        }
        if (args.Length > 1 && args[1] == "--replay") return Replay(target, args[2..]);

        Fuzzer.Run(stream =>
        {
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            target(memory.ToArray());
        });
        return 0;
    }

    private static int Replay(Action<byte[]> target, string[] paths)
    {
        int failures = 0, count = 0;
        var files = paths.SelectMany(p => Directory.Exists(p) ? Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories) : [p]).Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            count++;
            try
            {
                target(File.ReadAllBytes(file));
            }
            catch (Exception ex)
            {
                failures++;
                Console.WriteLine($"CRASH {file}: {ex.GetType().Name}: {ex.Message}");
                Console.WriteLine(ex.StackTrace);
            }
        }
        Console.WriteLine($"{count} input(s), {failures} crash(es)");
        return failures == 0 ? 0 : 1;
    }
}
