using System.Runtime.CompilerServices;

namespace SmtpConsole.Core.Tests.Diagnosis;

/// <summary>Reads Corpus/replies.txt next to this source file (no csproj change needed).</summary>
public static class ReplyCorpus
{
    private static readonly Lazy<IReadOnlyList<ReplyCorpusCase>> s_cases = new(() => Load(CorpusPath()));

    public static IReadOnlyList<ReplyCorpusCase> Cases => s_cases.Value;

    public static string CorpusPath([CallerFilePath] string thisFile = "") =>
        Path.Combine(Path.GetDirectoryName(thisFile)!, "Corpus", "replies.txt");

    public static IReadOnlyList<ReplyCorpusCase> Load(string path)
    {
        var cases = new List<ReplyCorpusCase>();
        var block = new List<string>();
        foreach (string line in File.ReadLines(path).Append("---"))
        {
            if (line.TrimEnd() == "---")
            {
                if (Parse(block, cases.Count + 1) is { } c) cases.Add(c);
                block.Clear();
            }
            else block.Add(line);
        }
        return cases;
    }

    private static ReplyCorpusCase? Parse(List<string> block, int index)
    {
        string? source = null, expect = null, host = null, greeting = null, provider = null, phase = null, server = null;
        var text = new List<string>();
        foreach (string line in block)
        {
            if (text.Count == 0)
            {
                if (line.StartsWith("# source:", StringComparison.Ordinal)) { source = line[9..].Trim(); continue; }
                if (line.StartsWith('#') || line.Trim().Length == 0) continue;
                if (TryDirective(line, "expect:", ref expect) || TryDirective(line, "host:", ref host)
                    || TryDirective(line, "greeting:", ref greeting) || TryDirective(line, "provider:", ref provider)
                    || TryDirective(line, "phase:", ref phase) || TryDirective(line, "server:", ref server)) continue;
            }
            text.Add(line);
        }
        if (expect is null) return null;
        return new ReplyCorpusCase(index, source ?? "", string.Join('\n', text), expect, host, greeting, provider, phase) { Server = server };
    }

    private static bool TryDirective(string line, string name, ref string? value)
    {
        if (!line.StartsWith(name, StringComparison.Ordinal)) return false;
        value = line[name.Length..].Trim();
        return true;
    }
}
