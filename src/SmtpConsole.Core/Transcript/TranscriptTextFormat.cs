using System.Text;

namespace SmtpConsole.Core.Transcript;

/// <summary>
/// The plain transcript format: RFC-style <c>C: …</c> / <c>S: …</c> lines, everything else as <c># …</c> comments.
/// A file in this format is itself a replayable script (see <c>ScriptReader</c>).
/// </summary>
public static class TranscriptTextFormat
{
    public const string ClientPrefix = "C: ";
    public const string ServerPrefix = "S: ";
    public const string HelperStartPrefix = "# >> ";
    public const string HelperEndPrefix = "# << ";
    public const string NotePrefix = "#    ↳ ";
    public const string HintPrefix = "# hint: ";

    /// <summary>Recorded message bytes of a <c>/data @FILE</c> or <c>/bdat @FILE</c> block, Base64, so replay sends them instead of reading a path.</summary>
    public const string PayloadPrefix = "D: ";

    /// <summary>
    /// Right after a <c>C:</c> line (or a <c># &gt;&gt; /helper</c> line) whose text shows characters escaped (<c>\u200d</c>, <c>\x1b</c>): that line exactly as
    /// sent, UTF-8 in Base64, so replay sends the same bytes. The reader takes it only when it shows as the C: line.
    /// </summary>
    public const string ExactPrefix = "E: ";

    /// <summary>
    /// Right after the <c>S:</c> lines of a reply no command was waiting for: those lines are a record, not an
    /// expectation (replay would otherwise expect the unsolicited reply and the command's own one of the same step).
    /// A format keyword like <c># &gt;&gt;</c>, never translated.
    /// </summary>
    public const string UnsolicitedMarker = "# (unsolicited)";

    private const int PayloadBytesPerLine = 57; // 76 Base64 characters

    /// <summary>The lines one event becomes.</summary>
    public static IEnumerable<string> FormatLines(TranscriptEvent e, bool showSecrets = false)
    {
        switch (e.Kind)
        {
            case TranscriptEventKind.Send:
                yield return ClientPrefix + OneLine(e.TextFor(showSecrets));
                if (e.ExactText is { } exact) yield return ExactPrefix + ExactLine(exact);
                if (e.Note is not null) yield return NotePrefix + e.Note;
                break;
            case TranscriptEventKind.Reply:
                foreach (var line in e.Reply?.FormatLines() ?? e.Text.Split('\n')) yield return ServerPrefix + line;
                if (IsUnsolicited(e)) yield return UnsolicitedMarker;
                if (e.Reply?.Problem is { } problem) yield return "# error: " + problem;
                if (e.Note is not null) yield return NotePrefix + e.Note;
                if (e.Context?.Hint is { } hint) yield return HintPrefix + hint;
                break;
            case TranscriptEventKind.Info when e.Helper == HelperBoundary.Start:
                // A login saved with the ${PASSWORD} placeholder replays headless with --var or SMTPCONSOLE_PASSWORD.
                string helper = OneLine(e.Text);
                bool auth = helper.StartsWith("/auth ", StringComparison.OrdinalIgnoreCase);
                yield return HelperStartPrefix + (auth ? Scripts.ScriptReader.WithPasswordPlaceholder(helper) : helper);
                if (e.ExactText is { } exactHelper) yield return ExactPrefix + ExactLine(auth ? Scripts.ScriptReader.WithPasswordPlaceholder(exactHelper) : exactHelper);
                break;
            case TranscriptEventKind.Info when e.Helper == HelperBoundary.End:
                yield return HelperEndPrefix + OneLine(e.Text);
                break;
            case TranscriptEventKind.Info when e.Payload is { } payload:
                yield return "# info: " + OneLine(e.Text);
                for (int i = 0; i < payload.Length; i += PayloadBytesPerLine)
                    yield return PayloadPrefix + Convert.ToBase64String(payload, i, Math.Min(PayloadBytesPerLine, payload.Length - i));
                break;
            default:
                foreach (var line in e.Text.Split('\n')) yield return "# " + KindName(e.Kind) + ": " + line;
                break;
        }
    }

    /// <summary>
    /// Appends the lines of <see cref="FormatLines"/>, each followed by '\n', without a string per line: commands
    /// and well-formed replies (a pipelined group's 10,000 of each) are appended piece by piece, everything else
    /// through <see cref="FormatLines"/> itself. The text is identical (tests compare the two for every kind of event).
    /// </summary>
    public static void AppendLines(StringBuilder sb, TranscriptEvent e, bool showSecrets = false)
    {
        switch (e.Kind)
        {
            case TranscriptEventKind.Send:
                AppendOneLine(sb.Append(ClientPrefix), e.TextFor(showSecrets)).Append('\n');
                if (e.ExactText is { } exact) sb.Append(ExactPrefix).Append(ExactLine(exact)).Append('\n');
                if (e.Note is not null) sb.Append(NotePrefix).Append(e.Note).Append('\n');
                return;
            case TranscriptEventKind.Reply when e.Reply is { IsMalformed: false } reply:
                var lines = reply.Lines;
                for (int i = 0; i < lines.Count; i++)
                    sb.Append(ServerPrefix).Append(reply.Code).Append(i == lines.Count - 1 ? ' ' : '-').Append(lines[i]).Append('\n');
                if (IsUnsolicited(e)) sb.Append(UnsolicitedMarker).Append('\n');
                if (e.Note is not null) sb.Append(NotePrefix).Append(e.Note).Append('\n');
                if (e.Context?.Hint is { } hint) sb.Append(HintPrefix).Append(hint).Append('\n');
                return;
            default:
                foreach (var line in FormatLines(e, showSecrets)) sb.Append(line).Append('\n');
                return;
        }
    }

    private static StringBuilder AppendOneLine(StringBuilder sb, string text)
    {
        if (text.AsSpan().IndexOfAny('\r', '\n') < 0) return sb.Append(text);
        return sb.Append(OneLine(text));
    }

    private static bool IsUnsolicited(TranscriptEvent e) => e.Context is { Answers: null };

    private static string ExactLine(string exact) => Convert.ToBase64String(Encoding.UTF8.GetBytes(exact));

    /// <summary>A CR or LF inside one saved line would start a new (replayable) line; they are shown escaped instead.</summary>
    private static string OneLine(string text) =>
        text.AsSpan().IndexOfAny('\r', '\n') < 0 ? text : text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>The JSON <c>kind</c> value and the comment label.</summary>
    public static string KindName(TranscriptEventKind kind) => kind switch
    {
        TranscriptEventKind.Connect => "connect",
        TranscriptEventKind.Tls => "tls",
        TranscriptEventKind.Send => "send",
        TranscriptEventKind.Reply => "reply",
        TranscriptEventKind.Info => "info",
        TranscriptEventKind.Warn => "warn",
        TranscriptEventKind.Error => "error",
        _ => "expect",
    };
}
