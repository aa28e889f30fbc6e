using System.Text.RegularExpressions;
using SmtpConsole.Core.Protocol;
using SmtpConsole.Core.Transcript;

namespace SmtpConsole.Core.Scripts;

/// <summary>
/// Reads a script: command-language lines plus <c>#</c> comments and <c>${NAME}</c> variables. A saved transcript
/// (<c>C: …</c> / <c>S: …</c>) is read as a script too: C: lines are sent, S: lines become code expectations, and a
/// helper block (<c># &gt;&gt; /auth …</c> … <c># &lt;&lt;</c>) runs the helper again instead of resending redacted lines.
/// Pure: text in, lines out.
/// </summary>
public static partial class ScriptReader
{
    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")]
    internal static partial Regex VariablePattern();

    public static ScriptDocument Read(string text, string source)
    {
        var lines = new List<ScriptLine>();
        var variables = new SortedSet<string>(StringComparer.Ordinal);
        string[] raw = text.Replace("\r\n", "\n").Split('\n');
        bool isTranscript = raw.Any(l => l.StartsWith("C:", StringComparison.Ordinal) || l.StartsWith("S:", StringComparison.Ordinal));
        bool inBody = false;          // between a 354 (or /data) and the lone '.'
        bool inHelper = false;        // inside # >> … # <<
        string? helperName = null;
        ScriptLine? helperExpect = null;

        for (int i = 0; i < raw.Length; i++)
        {
            int number = i + 1;
            string line = raw[i];
            if (line.Length > 0 && line[^1] == '\r') line = line[..^1];

            if (line.StartsWith(TranscriptTextFormat.HelperStartPrefix, StringComparison.Ordinal))
            {
                string helper = line[TranscriptTextFormat.HelperStartPrefix.Length..].Trim();
                if (inHelper) throw new ScriptSyntaxException($"{source}:{number}: helper block \"{helper}\" starts inside another one (missing \"# <<\")");
                inHelper = true;
                helperName = helper.Split(' ')[0].ToLowerInvariant();
                helperExpect = null;
                AddCommand(lines, variables, number, helper, source);
                continue;
            }
            if (line.StartsWith(TranscriptTextFormat.HelperEndPrefix, StringComparison.Ordinal) || line.Trim() == "# <<")
            {
                if (!inHelper) throw new ScriptSyntaxException($"{source}:{number}: \"# <<\" without a matching \"# >>\"");
                if (helperName == "/data" && inBody) throw new ScriptSyntaxException($"{source}:{number}: the /data block ends before its lone '.'");
                if (helperExpect is not null) lines.Add(helperExpect);
                inHelper = false;
                inBody = false;
                continue;
            }

            if (inHelper)
            {
                // Inside a helper block only the message body (for /data) and the final reply code matter.
                if (line.StartsWith("S:", StringComparison.Ordinal) && FinalCode(line) is { } code)
                {
                    if (code == "354" && helperName == "/data") inBody = true;
                    else helperExpect = new ScriptLine(number, ScriptLineKind.ExpectCode, line) { ExpectedCode = code };
                }
                else if (inBody && line.StartsWith("C:", StringComparison.Ordinal))
                {
                    string body = DotStuffer.UnstuffLine(ClientText(line));
                    lines.Add(new ScriptLine(number, ScriptLineKind.Body, ClientText(line) == "." ? "." : body));
                    if (ClientText(line) == ".") inBody = false;
                }
                continue;
            }

            if (isTranscript && line.StartsWith("C:", StringComparison.Ordinal))
            {
                string command = ClientText(line);
                if (command == TranscriptEvent.RedactedText || command.Contains(TranscriptEvent.RedactedText, StringComparison.Ordinal))
                    throw new ScriptSyntaxException($"{source}:{number}: this line was redacted when the transcript was saved, so it cannot be replayed; replace it with a helper (e.g. /auth login USER ${{PASSWORD}})");
                if (inBody)
                {
                    lines.Add(new ScriptLine(number, ScriptLineKind.Body, command == "." ? "." : DotStuffer.UnstuffLine(command)));
                    if (command == ".") inBody = false;
                    continue;
                }
                AddCommand(lines, variables, number, command, source);
                continue;
            }
            if (isTranscript && line.StartsWith("S:", StringComparison.Ordinal))
            {
                if (FinalCode(line) is { } code)
                {
                    lines.Add(new ScriptLine(number, ScriptLineKind.ExpectCode, line) { ExpectedCode = code });
                    if (code == "354") inBody = true;
                }
                continue;
            }

            if (inBody)
            {
                // Plain scripts: body lines are written as the person would type them (the runner stuffs them).
                CollectVariables(variables, line);
                lines.Add(new ScriptLine(number, ScriptLineKind.Body, line));
                if (line == ".") inBody = false;
                continue;
            }

            string trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#')) continue;
            AddCommand(lines, variables, number, line, source);
            string verb = SmtpCommandText.Verb(trimmed);
            if (!isTranscript && (trimmed.Equals("/data", StringComparison.OrdinalIgnoreCase) || verb == "DATA")) inBody = true;
        }
        if (inHelper) throw new ScriptSyntaxException($"{source}: helper block \"{helperName}\" is not closed with \"# <<\"");
        if (inBody) throw new ScriptSyntaxException($"{source}: the message body is not ended by a line with a single '.'");
        return new ScriptDocument(source, lines, variables, isTranscript);
    }

    private static void AddCommand(List<ScriptLine> lines, SortedSet<string> variables, int number, string text, string source)
    {
        CollectVariables(variables, text);
        if (text.Contains("${", StringComparison.Ordinal) && !VariablePattern().IsMatch(text))
            throw new ScriptSyntaxException($"{source}:{number}: malformed variable: write ${{NAME}} with letters, digits and '_'");
        lines.Add(new ScriptLine(number, ScriptLineKind.Command, text));
    }

    private static void CollectVariables(SortedSet<string> variables, string text)
    {
        foreach (Match m in VariablePattern().Matches(text)) variables.Add(m.Groups[1].Value);
    }

    private static string ClientText(string line) => line.Length > 2 && line[2] == ' ' ? line[3..] : line[2..];

    /// <summary>The code of an <c>S: 250 …</c> line that ends a reply; null for <c>S: 250-…</c> continuations.</summary>
    private static string? FinalCode(string line)
    {
        string text = line.Length > 2 && line[2] == ' ' ? line[3..] : line[2..];
        // Only a valid reply code becomes an expectation; a malformed reply saved from a hostile server stays a comment.
        if (text.Length < 3 || text[0] is < '2' or > '5' || !text[..3].All(char.IsAsciiDigit)) return null;
        return text.Length == 3 || text[3] == ' ' ? text[..3] : null;
    }
}
