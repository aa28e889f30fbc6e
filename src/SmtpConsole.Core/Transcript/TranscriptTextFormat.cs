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

    /// <summary>The lines one event becomes.</summary>
    public static IEnumerable<string> FormatLines(TranscriptEvent e, bool showSecrets = false)
    {
        switch (e.Kind)
        {
            case TranscriptEventKind.Send:
                yield return ClientPrefix + e.TextFor(showSecrets);
                if (e.Note is not null) yield return NotePrefix + e.Note;
                break;
            case TranscriptEventKind.Reply:
                foreach (var line in e.Reply?.FormatLines() ?? e.Text.Split('\n')) yield return ServerPrefix + line;
                if (e.Reply?.Problem is { } problem) yield return "# error: " + problem;
                if (e.Note is not null) yield return NotePrefix + e.Note;
                if (e.Context?.Hint is { } hint) yield return HintPrefix + hint;
                break;
            case TranscriptEventKind.Info when e.Helper == HelperBoundary.Start:
                yield return HelperStartPrefix + e.Text;
                break;
            case TranscriptEventKind.Info when e.Helper == HelperBoundary.End:
                yield return HelperEndPrefix + e.Text;
                break;
            default:
                foreach (var line in e.Text.Split('\n')) yield return "# " + KindName(e.Kind) + ": " + line;
                break;
        }
    }

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
