using SmtpConsole.Core.Transcript;

namespace SmtpConsole.Fuzz;

/// <summary>The promises the engine makes about text that reaches a screen or a saved transcript.</summary>
internal static class Invariants
{
    public static void Check(bool condition, string message)
    {
        if (!condition) throw new FuzzInvariantException(message);
    }

    /// <summary>No C0/C1 control, DEL or bidi/invisible formatting character: what ServerText promises for server text.</summary>
    public static void Displayable(string text, string what)
    {
        foreach (char c in text)
        {
            bool bad = c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F)
                || c is '\u061C' or '\u200E' or '\u200F' or '\u2028' or '\u2029' or '\uFEFF'
                || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
            Check(!bad, $"{what} contains U+{(int)c:X4}");
        }
    }

    /// <summary>A transcript event must render to text and JSON lines that hold no raw escape, NUL or bidi override.</summary>
    public static void SafeInTranscripts(TranscriptEvent e)
    {
        foreach (var line in TranscriptTextFormat.FormatLines(e)) Displayable(line, "text transcript line");
        string json = TranscriptJsonFormat.ToJson(e);
        Check(json.IndexOfAny(['\u001b', '\0', '\u202E', '\n', '\r']) < 0, "JSON transcript line holds a raw control or bidi character");
        using var document = System.Text.Json.JsonDocument.Parse(json);
        Check(document.RootElement.GetProperty("text").GetString() == e.Text, "JSON text does not round-trip");
    }
}
