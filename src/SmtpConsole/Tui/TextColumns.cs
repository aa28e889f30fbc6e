using System.Text;
using Terminal.Gui.Text;

namespace SmtpConsole.Tui;

/// <summary>
/// Terminal columns of text, from Terminal.Gui's wcwidth port (East Asian Wide and Fullwidth characters take two
/// columns, combining marks none), and the cutting and wrapping built on it. Works on UTF-16 indexes so callers
/// can slice strings without copying per character.
/// </summary>
internal static class TextColumns
{
    /// <summary>The marker at the end of a line that was cut.</summary>
    public const string CutMarker = "…";

    /// <summary>Columns of one rune; an unprintable one is drawn as one replacement cell.</summary>
    public static int Of(Rune rune)
    {
        if (rune.Value is >= 0x20 and < 0x7F) return 1;
        int columns = rune.GetColumns();
        return columns < 0 ? 1 : columns;
    }

    /// <summary>Columns of a whole string.</summary>
    public static int Of(string text)
    {
        int columns = 0;
        for (int i = 0; i < text.Length;)
        {
            char c = text[i];
            if (c is >= ' ' and < '\x7f')
            {
                columns++;
                i++;
                continue;
            }
            Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out int used);
            columns += Of(rune);
            i += Math.Max(1, used);
        }
        return columns;
    }

    /// <summary>
    /// How much of <paramref name="text"/> from <paramref name="start"/> fits in <paramref name="width"/> columns:
    /// returns the end index (exclusive) and the columns taken. A wide character that would straddle the edge is left out.
    /// </summary>
    public static int Fit(string text, int start, int width, out int columns)
    {
        columns = 0;
        int i = start;
        while (i < text.Length)
        {
            char c = text[i];
            int w, used;
            if (c is >= ' ' and < '\x7f')
            {
                w = 1;
                used = 1;
            }
            else
            {
                Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out used);
                used = Math.Max(1, used);
                w = Of(rune);
            }
            if (columns + w > width) break;
            columns += w;
            i += used;
        }
        return i;
    }

    /// <summary>
    /// The end (exclusive) of the wrapped line that starts at <paramref name="start"/>: as much as fits in
    /// <paramref name="width"/> columns, broken after a space when one lies in the second half of the line.
    /// Always advances by at least one character.
    /// </summary>
    public static int NextBreak(string text, int start, int width)
    {
        int end = Fit(text, start, Math.Max(1, width), out _);
        if (end >= text.Length) return text.Length;
        if (end == start) return start + (char.IsHighSurrogate(text[start]) && start + 1 < text.Length ? 2 : 1);
        int space = text.LastIndexOf(' ', end - 1, end - start);
        return space > start + (end - start) / 2 ? space + 1 : end;
    }

    /// <summary><paramref name="text"/> cut to <paramref name="width"/> columns, with <see cref="CutMarker"/> when something was left out.</summary>
    public static string Cut(string text, int width)
    {
        if (width <= 0) return string.Empty;
        int end = Fit(text, 0, width, out _);
        if (end >= text.Length) return text;
        int keep = Fit(text, 0, width - 1, out _);
        return string.Concat(text.AsSpan(0, keep), CutMarker);
    }

    /// <summary>Splits <paramref name="text"/> into wrapped lines of at most <paramref name="width"/> columns (continuations indented).</summary>
    public static List<string> Wrap(string text, int width, string continuationIndent = "")
    {
        var lines = new List<string>();
        width = Math.Max(1, width);
        int indentWidth = Of(continuationIndent);
        if (indentWidth >= width) continuationIndent = string.Empty;
        int start = 0;
        bool first = true;
        do
        {
            int room = first ? width : width - Of(continuationIndent);
            int end = NextBreak(text, start, room);
            lines.Add(first ? text[start..end] : continuationIndent + text[start..end]);
            start = end;
            first = false;
        }
        while (start < text.Length);
        return lines;
    }
}
