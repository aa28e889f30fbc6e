using SmtpConsole.Core.Messages;
using System.Text.RegularExpressions;
using SmtpConsole.Core.Commands;
using SmtpConsole.Core.Protocol;
using SmtpConsole.Core.Transcript;

namespace SmtpConsole.Core.Scripts;

/// <summary>
/// Reads a script: command-language lines plus <c>#</c> comments and <c>${NAME}</c> variables. A saved transcript
/// (<c>C: …</c> / <c>S: …</c>) is read as a script too (docs/scripts.md): C: lines are sent, S: lines become
/// expectations on the step before them, a helper block (<c># &gt;&gt; /auth …</c> … <c># &lt;&lt;</c>) runs the
/// helper again, a <c>/pipeline</c> block is sent as one group, and <c>#</c> lines are never sent, inside a body or not.
/// Pure: text in, lines out; nothing here touches the network or reads a file.
/// </summary>
public static partial class ScriptReader
{
    /// <summary>The placeholder a saved transcript uses for the secret of an AUTH exchange.</summary>
    public const string PasswordVariable = "PASSWORD";

    /// <summary>The placeholder for a user name the transcript could not show (it was inside a redacted response).</summary>
    public const string UserVariable = "USER";

    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")]
    internal static partial Regex VariablePattern();

    public static ScriptDocument Read(string text, string source)
    {
        string[] raw = text.Replace("\r\n", "\n").Split('\n');
        for (int i = 0; i < raw.Length; i++)
        {
            if (raw[i].Length > 0 && raw[i][^1] == '\r') raw[i] = raw[i][..^1];
            // Checked for the whole file before anything runs: a CR would end the command early on the wire.
            if (raw[i].Contains('\r')) throw new ScriptSyntaxException(ScriptMessages.LineHasCr($"{source}:{i + 1}"));
            if (raw[i].Contains('\0')) throw new ScriptSyntaxException(ScriptMessages.LineHasNul($"{source}:{i + 1}"));
        }
        // A transcript is recognised by C:/S: lines or helper markers outside a message body: a body line of a plain
        // script may itself start with "C:" without turning the script into a transcript.
        var builder = new Builder(source);
        bool isTranscript = !ReadPlain(raw, builder);
        if (isTranscript)
        {
            builder = new Builder(source);
            ReadTranscript(raw, builder);
        }
        return new ScriptDocument(source, builder.Lines, builder.Variables, isTranscript);
    }

    /// <summary>A plain script: body mode starts after a DATA (or <c>/data</c>) unless its <c>/expect</c> lines allow only a refusal.</summary>
    private static bool ReadPlain(string[] raw, Builder b)
    {
        bool inBody = false;
        bool inPipeline = false;
        int pipelineStart = 0, groupSize = 0;
        bool groupEndsWithData = false;
        int enterBodyAfter = -1;
        for (int i = 0; i < raw.Length; i++)
        {
            if (enterBodyAfter >= 0 && i > enterBodyAfter)
            {
                inBody = true;
                enterBodyAfter = -1;
            }
            int number = i + 1;
            string line = raw[i];
            if (inBody)
            {
                // '#' lines are comments even inside a body; a body line that starts with '#' is written "\#".
                if (line.StartsWith('#')) continue;
                // An /expect here would be mailed as text and check nothing (the '.' before it forgotten); one that is
                // meant as text is written "\/expect".
                if (IsExpectLine(line.Trim())) throw new ScriptSyntaxException(ScriptMessages.ExpectInsideBody($"{b.Source}:{number}"));
                if (line.Length > 1 && line[0] == '\\' && (line.TrimStart('\\').StartsWith('#') || IsExpectLine(line.TrimStart('\\').Trim()))) line = line[1..];
                b.Body(number, line);
                if (line == ".") inBody = false;
                continue;
            }
            if (IsTranscriptLine(line)) return false;
            string trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#')) continue;
            b.Command(number, line);
            if (inPipeline)
            {
                if (trimmed.Equals("/end", StringComparison.OrdinalIgnoreCase))
                {
                    inPipeline = false;
                    var expects = FollowingExpectations(raw, i + 1, out int last, b.Source, groupEndsWithData);
                    if (expects.Count > groupSize)
                        throw new ScriptSyntaxException(ScriptMessages.TooManyExpects($"{b.Source}:{last + 1}", expects.Count, pipelineStart, groupSize));
                    if (groupEndsWithData && BodyFollows(expects.Count == groupSize ? [expects[^1]] : [])) enterBodyAfter = last;
                }
                else if (IsExpectLine(trimmed))
                {
                    // Found here, before anything is sent: at run time the group's first commands would be on the wire.
                    throw new ScriptSyntaxException(ScriptMessages.ExpectInsidePipeline($"{b.Source}:{number}"));
                }
                else
                {
                    groupSize++;
                    groupEndsWithData = IsBareData(trimmed);
                }
                continue;
            }
            if (trimmed.Equals("/pipeline", StringComparison.OrdinalIgnoreCase))
            {
                inPipeline = true;
                pipelineStart = number;
                groupSize = 0;
                groupEndsWithData = false;
                continue;
            }
            if (IsBareData(trimmed) || trimmed.Equals("/data", StringComparison.OrdinalIgnoreCase))
            {
                var expects = FollowingExpectations(raw, i + 1, out int last, b.Source, bodyMayFollow: true);
                if (BodyFollows(expects)) enterBodyAfter = last;
            }
        }
        if (inPipeline) throw new ScriptSyntaxException(ScriptMessages.PipelineNotClosed($"{b.Source}:{pipelineStart}"));
        if (inBody || enterBodyAfter >= 0) throw new ScriptSyntaxException(ScriptMessages.BodyNotEnded(b.Source));
        return true;
    }

    private static bool IsTranscriptLine(string line) =>
        line.StartsWith("C:", StringComparison.Ordinal) || line.StartsWith("S:", StringComparison.Ordinal)
        || line.StartsWith(TranscriptTextFormat.HelperStartPrefix, StringComparison.Ordinal) || line.StartsWith(TranscriptTextFormat.HelperEndPrefix, StringComparison.Ordinal) || line.Trim() == "# <<";

    /// <summary>A saved transcript: only C: lines are sent; S: lines are expectations; '#' lines are never sent.</summary>
    private static void ReadTranscript(string[] raw, Builder b)
    {
        raw = ApplyMarkerLines(raw, b.Source);
        bool inBody = false;
        HelperBlock? block = null;
        for (int i = 0; i < raw.Length; i++)
        {
            int number = i + 1;
            string line = raw[i];
            if (line.StartsWith(TranscriptTextFormat.HelperStartPrefix, StringComparison.Ordinal))
            {
                string helper = line[TranscriptTextFormat.HelperStartPrefix.Length..].Trim();
                if (block is not null) throw new ScriptSyntaxException(ScriptMessages.BlockInsideBlock($"{b.Source}:{number}", helper));
                if (inBody) throw new ScriptSyntaxException(ScriptMessages.BlockInsideBody($"{b.Source}:{number}", helper));
                block = new HelperBlock(number, helper);
                continue;
            }
            if (line.StartsWith(TranscriptTextFormat.HelperEndPrefix, StringComparison.Ordinal) || line.Trim() == "# <<")
            {
                if (block is null) throw new ScriptSyntaxException(ScriptMessages.BlockEndWithoutStart($"{b.Source}:{number}"));
                inBody = block.Emit(b, number);
                block = null;
                continue;
            }
            if (block is not null)
            {
                block.Add(line, number, b.Source);
                continue;
            }
            if (line.StartsWith("C:", StringComparison.Ordinal))
            {
                string command = ClientText(line);
                if (inBody)
                {
                    b.Body(number, command == "." ? "." : DotStuffer.UnstuffLine(command), fromTranscript: true);
                    if (command == ".") inBody = false;
                    continue;
                }
                if (SmtpCommandText.Verb(command) == "AUTH" && TryReadAuthExchange(raw, i, b, out int end))
                {
                    i = end;
                    continue;
                }
                RefuseRedacted(command, number, b.Source);
                b.Command(number, command);
                continue;
            }
            if (line.StartsWith("S:", StringComparison.Ordinal))
            {
                if (FinalCode(line) is { } code)
                {
                    b.Expect(number, line, code);
                    if (code == "354") inBody = true;
                }
                continue;
            }
            string trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#') || line.StartsWith(TranscriptTextFormat.PayloadPrefix.TrimEnd(), StringComparison.Ordinal)) continue;
            if (inBody) throw new ScriptSyntaxException(ScriptMessages.TranscriptBodyLine($"{b.Source}:{number}", trimmed));
            b.Command(number, line);
        }
        if (block is not null) throw new ScriptSyntaxException(ScriptMessages.BlockNotClosed($"{b.Source}:{block.Number}", block.Name));
        if (inBody) throw new ScriptSyntaxException(ScriptMessages.BodyNotEnded(b.Source));
    }

    /// <summary>
    /// The S: lines of a reply marked <see cref="TranscriptTextFormat.UnsolicitedMarker"/> become comments. A <c>C:</c>
    /// line (or <c># &gt;&gt; /helper</c> line) followed by an <c>E:</c> line (the line exactly as sent, when
    /// it shows characters escaped) becomes the exact line, and the E: line is dropped. The exact text must show as the C: line does, so an
    /// E: line restores escaped characters and can never make replay send something the file does not show.
    /// </summary>
    private static string[] ApplyMarkerLines(string[] raw, string source)
    {
        string[]? merged = null;
        for (int i = 0; i < raw.Length; i++)
        {
            if (raw[i].TrimEnd() == TranscriptTextFormat.UnsolicitedMarker)
            {
                // The reply above answered no command: its S: lines stay in the file as a record, never an expectation.
                merged ??= (string[])raw.Clone();
                // Its last line, and the continuation lines (S: NNN-…) before it; the reply before them is another one.
                for (int j = i - 1; j >= 0 && raw[j].StartsWith("S:", StringComparison.Ordinal) && (j == i - 1 || FinalCode(raw[j]) is null); j--)
                    merged[j] = "# " + raw[j];
                continue;
            }
            if (!raw[i].StartsWith(TranscriptTextFormat.ExactPrefix, StringComparison.Ordinal)) continue;
            string where = $"{source}:{i + 1}";
            // The line it restores: a C: line, or a helper block's first line (the helper runs again on replay).
            string? prefix = i == 0 ? null
                : raw[i - 1].StartsWith("C:", StringComparison.Ordinal) ? "C:"
                : raw[i - 1].StartsWith(TranscriptTextFormat.HelperStartPrefix, StringComparison.Ordinal) ? TranscriptTextFormat.HelperStartPrefix
                : null;
            if (prefix is null) throw new ScriptSyntaxException(ScriptMessages.ExactLineAlone(where));
            string exact;
            try
            {
                exact = StrictUtf8.GetString(Convert.FromBase64String(raw[i][TranscriptTextFormat.ExactPrefix.Length..].Trim()));
            }
            catch (Exception ex) when (ex is FormatException or System.Text.DecoderFallbackException)
            {
                throw new ScriptSyntaxException(ScriptMessages.ExactLineMismatch(where));
            }
            string shown = prefix == "C:" ? ClientText(raw[i - 1]) : raw[i - 1][prefix.Length..];
            if (exact.Contains('\n', StringComparison.Ordinal) || ServerText.NeutralizeLines(exact) != shown)
                throw new ScriptSyntaxException(ScriptMessages.ExactLineMismatch(where));
            merged ??= (string[])raw.Clone();
            merged[i - 1] = (prefix == "C:" ? TranscriptTextFormat.ClientPrefix : prefix) + exact;
            merged[i] = string.Empty;
        }
        return merged ?? raw;
    }

    private static readonly System.Text.UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// A hand-typed AUTH exchange whose secret lines were redacted when saved: replayed as the <c>/auth</c> helper with
    /// the <c>${PASSWORD}</c> placeholder (and <c>${USER}</c> when the user name was inside a redacted line).
    /// </summary>
    private static bool TryReadAuthExchange(string[] raw, int start, Builder b, out int end)
    {
        end = start;
        var clientLines = new List<string> { ClientText(raw[start]) };
        string? finalCode = null;
        int finalLine = start;
        for (int j = start + 1; j < raw.Length && finalCode is null; j++)
        {
            string line = raw[j];
            if (line.StartsWith("C:", StringComparison.Ordinal)) clientLines.Add(ClientText(line));
            else if (line.StartsWith("S:", StringComparison.Ordinal) && FinalCode(line) is { } code && code != "334")
            {
                finalCode = code;
                finalLine = j;
            }
            else if (line.StartsWith(TranscriptTextFormat.HelperStartPrefix, StringComparison.Ordinal)) break;
        }
        if (!clientLines.Any(l => l.Contains(TranscriptEvent.RedactedText, StringComparison.Ordinal))) return false;
        var words = clientLines[0].Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2) throw new ScriptSyntaxException(ScriptMessages.AuthWithoutMechanism($"{b.Source}:{start + 1}"));
        string mechanism = words[1].ToLowerInvariant();
        string? user = null;
        if (mechanism == "login")
        {
            string? userLine = words.Length >= 3 ? words[2] : clientLines.Skip(1).FirstOrDefault();
            if (userLine is not null && !userLine.Contains(TranscriptEvent.RedactedText, StringComparison.Ordinal) && SaslPayload.Decode(userLine) is { IsValid: true, Text: { Length: > 0 } name }) user = name;
        }
        string flag = words.Length >= 3 ? " --initial" : " --no-initial";
        string helper = $"/auth {mechanism} {(user is null ? "${" + UserVariable + "}" : CommandLineParser.Quote(user))} ${{{PasswordVariable}}}{flag}";
        if (finalCode is not null && finalCode[0] is '4' or '5') helper = WithRefusedSecret(helper);
        b.Command(start + 1, helper);
        if (finalCode is not null) b.Expect(finalLine + 1, raw[finalLine], finalCode);
        end = finalCode is null ? raw.Length - 1 : finalLine;
        return true;
    }

    /// <summary>The lines between <c># &gt;&gt; HELPER</c> and <c># &lt;&lt;</c>.</summary>
    private sealed class HelperBlock(int number, string helper)
    {
        private readonly List<(int Number, string Text)> _client = [];
        private readonly List<(int Number, string Line, string Code)> _finals = [];
        private readonly List<(int Number, string Text, bool AfterDataAccepted)> _bodyCandidates = [];
        private readonly System.Text.StringBuilder _payload = new();
        private bool _dataAccepted;
        private bool _bodyEnded;

        public int Number { get; } = number;
        public string Helper { get; } = helper;
        public string Name { get; } = (helper.Split(' ', 2)[0]).ToLowerInvariant();

        public void Add(string line, int n, string source)
        {
            if (line.StartsWith("C:", StringComparison.Ordinal))
            {
                string text = ClientText(line);
                _client.Add((n, text));
                if (_dataAccepted && !_bodyEnded)
                {
                    _bodyCandidates.Add((n, text, true));
                    if (text == ".") _bodyEnded = true;
                }
            }
            else if (line.StartsWith("S:", StringComparison.Ordinal) && FinalCode(line) is { } code)
            {
                _finals.Add((n, line, code));
                if (code == "354" && _client.Count > 0 && SmtpCommandText.Verb(_client[^1].Text) == "DATA") _dataAccepted = true;
            }
            else if (line.StartsWith(TranscriptTextFormat.PayloadPrefix, StringComparison.Ordinal))
            {
                _payload.Append(line.AsSpan(TranscriptTextFormat.PayloadPrefix.Length).Trim());
            }
        }

        /// <summary>Adds the block's lines; returns true when a message body follows the block (a group ending in an accepted DATA).</summary>
        public bool Emit(Builder b, int endLine)
        {
            List<string> args;
            try
            {
                args = CommandLineParser.Tokenize(Helper.Length > Name.Length ? Helper[Name.Length..] : string.Empty);
            }
            catch (CommandSyntaxException ex)
            {
                throw new ScriptSyntaxException($"{b.Source}:{Number}: {ex.Message}");
            }
            bool fileBody = (Name is "/data" or "/bdat") && args.Any(a => a.StartsWith('@'));
            switch (Name)
            {
                case "/pipeline":
                    if (_client.Count == 0) return false;
                    b.Command(Number, "/pipeline");
                    foreach (var (n, text) in _client)
                    {
                        RefuseRedacted(text, n, b.Source);
                        b.Command(n, text);
                    }
                    b.Command(endLine, "/end");
                    foreach (var (n, line, code) in _finals) b.Expect(n, line, code);
                    return SmtpCommandText.Verb(_client[^1].Text) == "DATA" && _finals.Count == _client.Count && _finals[^1].Code == "354";
                case "/data" or "/bdat" when fileBody:
                {
                    if (_payload.Length == 0)
                        throw new ScriptSyntaxException(ScriptMessages.BlockWithoutMessage($"{b.Source}:{Number}", Helper));
                    byte[] bytes;
                    try
                    {
                        bytes = Convert.FromBase64String(_payload.ToString());
                    }
                    catch (FormatException)
                    {
                        throw new ScriptSyntaxException(ScriptMessages.BlockBadBase64($"{b.Source}:{Number}", Helper));
                    }
                    b.Command(Number, Helper, bytes);
                    if (_finals.LastOrDefault(f => f.Code != "354") is { Line: not null } last) b.Expect(last.Number, last.Line, last.Code);
                    return false;
                }
                case "/data":
                    b.Command(Number, Helper);
                    if (_dataAccepted)
                    {
                        if (!_bodyEnded) throw new ScriptSyntaxException(ScriptMessages.DataBlockEndsEarly($"{b.Source}:{endLine}"));
                        foreach (var (n, text, _) in _bodyCandidates) b.Body(n, text == "." ? "." : DotStuffer.UnstuffLine(text), fromTranscript: true);
                    }
                    if (_finals.LastOrDefault(f => f.Code != "354") is { Line: not null } end) b.Expect(end.Number, end.Line, end.Code);
                    return false;
                case "/auth":
                    bool refused = _finals.Count > 0 && _finals[^1].Code[0] is '4' or '5';
                    b.Command(Number, refused ? WithRefusedSecret(Helper) : WithPasswordPlaceholder(Helper));
                    break;
                default:
                    b.Command(Number, Helper);
                    break;
            }
            if (_finals.Count > 0) b.Expect(_finals[^1].Number, _finals[^1].Line, _finals[^1].Code);
            return false;
        }
    }

    /// <summary><c>/auth MECH USER</c> without a secret gets <c>${PASSWORD}</c>, so a saved login replays headless.</summary>
    public static string WithPasswordPlaceholder(string authLine)
    {
        List<string> args;
        try
        {
            args = CommandLineParser.Tokenize(authLine);
        }
        catch (CommandSyntaxException)
        {
            return authLine;
        }
        var positional = args.Skip(1).Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        if (positional.Count != 2) return authLine;
        var flags = args.Skip(1).Where(a => a.StartsWith("--", StringComparison.Ordinal));
        return string.Join(' ', new[] { args[0], positional[0], CommandLineParser.Quote(positional[1]), "${" + PasswordVariable + "}" }.Concat(flags));
    }

    /// <summary>
    /// A login the server refused is replayed with a fresh random secret: the secret that was refused was never saved,
    /// and any wrong one gets the same answer, so the replay needs no value for it — nor for a user name the transcript
    /// could not show (it was inside a redacted AUTH PLAIN response): a refused login asked for it before.
    /// </summary>
    private static string WithRefusedSecret(string authLine) =>
        WithPasswordPlaceholder(authLine)
            .Replace("${" + PasswordVariable + "}", "refused-" + Guid.NewGuid().ToString("N"), StringComparison.Ordinal)
            .Replace("${" + UserVariable + "}", "refused-user", StringComparison.Ordinal);

    private static void RefuseRedacted(string command, int number, string source)
    {
        if (command.Contains(TranscriptEvent.RedactedText, StringComparison.Ordinal))
            throw new ScriptSyntaxException(ScriptMessages.RedactedLine($"{source}:{number}"));
    }

    private static bool IsBareData(string trimmed) => trimmed.Equals("DATA", StringComparison.OrdinalIgnoreCase);

    /// <summary>The <c>/expect</c> lines right after line <paramref name="from"/>-1 (comments and blank lines between are skipped).</summary>
    private static List<ExpectationSpec?> FollowingExpectations(string[] raw, int from, out int last, string source, bool bodyMayFollow)
    {
        var specs = new List<ExpectationSpec?>();
        last = from - 1;
        for (int j = from; j < raw.Length; j++)
        {
            string t = raw[j].Trim();
            if (t.Length == 0 || t.StartsWith('#')) continue;
            if (!IsExpectLine(t))
            {
                // Right after a DATA a line that is not an /expect starts the body: a misspelt one would be sent as mail.
                if (bodyMayFollow && LooksLikeMisspeltExpect(t)) throw new ScriptSyntaxException(ScriptMessages.MisspeltExpect($"{source}:{j + 1}", t.Split((char[])[' ', '\t'], 2)[0]));
                break;
            }
            try
            {
                specs.Add(ExpectationSpec.Parse(t[7..]));
            }
            catch (CommandSyntaxException)
            {
                specs.Add(null); // reported by the whole-script check
            }
            last = j;
        }
        return specs;
    }

    /// <summary><c>/expect</c> (any case) then white space (a tab too, as the command parser reads it) or the end.</summary>
    private static bool IsExpectLine(string trimmed) =>
        trimmed.StartsWith("/expect", StringComparison.OrdinalIgnoreCase) && (trimmed.Length == 7 || char.IsWhiteSpace(trimmed[7]));

    /// <summary><c>/expect354</c>, <c>/expects</c>, <c>/expct</c>, <c>/exepct</c>: a word that can only have meant <c>/expect</c>.</summary>
    private static bool LooksLikeMisspeltExpect(string trimmed)
    {
        string word = trimmed.Split((char[])[' ', '\t'], 2)[0];
        return word.StartsWith("/expect", StringComparison.OrdinalIgnoreCase)
            || (word.StartsWith('/') && CommandLineParser.Distance(word.ToLowerInvariant(), "/expect") <= 2);
    }

    /// <summary>A body follows a DATA unless the expectations on it allow only a refusal.</summary>
    private static bool BodyFollows(IReadOnlyList<ExpectationSpec?> specs) => specs.All(s => s is null || s.Allows(354));

    private static string ClientText(string line) => line.Length > 2 && line[2] == ' ' ? line[3..] : line[2..];

    /// <summary>The code of an <c>S: 250 …</c> line that ends a reply; null for <c>S: 250-…</c> continuations.</summary>
    private static string? FinalCode(string line)
    {
        string text = line.Length > 2 && line[2] == ' ' ? line[3..] : line[2..];
        // Only a valid reply code becomes an expectation; a malformed reply saved from a hostile server stays a comment.
        if (text.Length < 3 || text[0] is < '2' or > '5' || !text[..3].All(char.IsAsciiDigit)) return null;
        return text.Length == 3 || text[3] == ' ' ? text[..3] : null;
    }

    private sealed class Builder(string source)
    {
        public string Source { get; } = source;
        public List<ScriptLine> Lines { get; } = [];
        public SortedSet<string> Variables { get; } = new(StringComparer.Ordinal);

        public void Command(int number, string text, byte[]? payload = null)
        {
            CollectVariables(text);
            if (text.Contains("${", StringComparison.Ordinal) && !VariablePattern().IsMatch(text))
                throw new ScriptSyntaxException(ScriptMessages.MalformedVariable($"{Source}:{number}"));
            Lines.Add(new ScriptLine(number, ScriptLineKind.Command, text) { Payload = payload });
        }

        public void Body(int number, string text, bool fromTranscript = false)
        {
            // Body lines of a saved transcript are the bytes that were sent: no variables in them.
            if (!fromTranscript) CollectVariables(text);
            Lines.Add(new ScriptLine(number, ScriptLineKind.Body, text) { Literal = fromTranscript });
        }

        public void Expect(int number, string line, string code) =>
            Lines.Add(new ScriptLine(number, ScriptLineKind.ExpectCode, line) { ExpectedCode = code });

        private void CollectVariables(string text)
        {
            // Every ${NAME} contains "${": a line without it (most of them) needs no regex.
            if (!text.Contains("${", StringComparison.Ordinal)) return;
            foreach (Match m in VariablePattern().Matches(text)) Variables.Add(m.Groups[1].Value);
        }
    }
}
