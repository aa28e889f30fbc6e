using System.Buffers;
using System.Drawing;
using Terminal.Gui.Drawing;
using Terminal.Gui.Drivers;
using Terminal.Gui.Text;
using Terminal.Gui.ViewBase;

namespace SmtpConsole.Tui;

/// <summary>
/// Writes runs of single-column text straight into the driver's cell buffer. Terminal.Gui 2.5.0's <c>AddStr</c>
/// splits a string into graphemes and, for each one, takes a lock, measures it twice (wcwidth), checks the clip
/// region (another lock) and marks the cell dirty even when it already shows that character: about two thirds of a
/// full frame (bench/README.md, round four). Here a run of characters that are each one grapheme of one column
/// (printable ASCII and a few symbols the console draws) is compared with the buffer and only changed cells are
/// written and marked dirty, so an unchanged row is not sent to the terminal again. Anything else (wide or
/// combining characters, a run the clip region cuts, a wide glyph to its left) goes through <c>AddStr</c>, which
/// owns those rules.
/// </summary>
internal static class CellWriter
{
    /// <summary>Characters besides printable ASCII that the console draws and that are one column and one grapheme each.</summary>
    private const string NarrowSymbols = "─│…↳█░▲▼•·";

    private static readonly SearchValues<char> Fast = SearchValues.Create([.. FastCharacters()]);

    /// <summary>One cached grapheme string per fast character, so a frame allocates none.</summary>
    private static readonly Dictionary<char, string> Graphemes = FastCharacters().ToDictionary(c => c, c => c.ToString());

    private static readonly string[] AsciiGraphemes = [.. Enumerable.Range(0, 128).Select(c => ((char)c).ToString())];

    /// <summary>True when every character of <paramref name="text"/> takes the fast path (one grapheme, one column each).</summary>
    public static bool IsFast(ReadOnlySpan<char> text) => !text.ContainsAnyExcept(Fast);

    /// <summary>
    /// Writes <paramref name="text"/> at viewport column <paramref name="column"/>, row <paramref name="row"/> of
    /// <paramref name="view"/>. Returns the columns it took (its width), whichever path drew it.
    /// </summary>
    public static int Write(View view, int column, int row, ReadOnlySpan<char> text, Attribute attribute)
    {
        if (text.IsEmpty) return 0;
        if (TryWrite(view, column, row, text, attribute)) return text.Length;
        string s = text.ToString();
        view.Move(column, row);
        view.SetAttribute(attribute);
        view.AddStr(s);
        return TextColumns.Of(s);
    }

    /// <summary>Writes <paramref name="text"/> straight into the cells when it can (see the class); false leaves it to the caller.</summary>
    internal static bool TryWrite(View view, int column, int row, ReadOnlySpan<char> text, Attribute attribute) =>
        IsFast(text) && TryWriteDirect(view, column, row, text, attribute, fill: false);

    /// <summary>Fills <paramref name="count"/> cells from viewport column <paramref name="column"/> with spaces.</summary>
    public static void Blank(View view, int column, int row, int count, Attribute attribute)
    {
        if (count <= 0) return;
        if (TryWriteDirect(view, column, row, " ", attribute, fill: true, count)) return;
        view.Move(column, row);
        view.SetAttribute(attribute);
        view.AddStr(new string(' ', count));
    }

    /// <summary>
    /// Terminal.Gui's viewport clear (spaces in the view's normal or disabled attribute), written in runs: its own is a
    /// FillRect that checks, measures and locks cell by cell. For <c>OnClearingViewport</c> overrides; returns true.
    /// </summary>
    public static bool ClearViewport(View view)
    {
        var attribute = view.GetAttributeForRole(view.Enabled ? VisualRole.Normal : VisualRole.Disabled);
        var size = view.Viewport.Size;
        for (int row = 0; row < size.Height; row++) Blank(view, 0, row, size.Width, attribute);
        return true;
    }

    private static bool TryWriteDirect(View view, int column, int row, ReadOnlySpan<char> text, Attribute attribute, bool fill, int count = 0)
    {
        int length = fill ? count : text.Length;
        if (view.App?.Driver is not { } driver || driver.Contents is not { } cells) return false;
        var origin = view.ViewportToScreen(new Point(column, row));
        int y = origin.Y, x = origin.X;
        int rows = cells.GetLength(0), columns = cells.GetLength(1);
        if (y < 0 || y >= rows || x < 0 || x + length > columns) return false;
        // The clip is where this view may draw now (its viewport minus views above it); a run it cuts is left to AddStr.
        if (driver.Clip is { } clip && !clip.Contains(new Rectangle(x, y, length, 1))) return false;
        // A wide glyph to the left would lose its second half: Terminal.Gui replaces it, so let it.
        if (x > 0 && cells[y, x - 1].Grapheme is { Length: > 0 } left && !IsFast(left)) return false;
        bool[] dirtyLines = driver.GetOutputBuffer().DirtyLines;
        if (y >= dirtyLines.Length) return false;
        bool changed = false;
        for (int i = 0; i < length; i++)
        {
            char c = fill ? ' ' : text[i];
            ref Cell cell = ref cells[y, x + i];
            string old = cell.Grapheme;
            if (old is { Length: 1 } && old[0] == c && cell.Attribute == attribute) continue;
            // The old grapheme may have been wide: its second column must be sent again too.
            if (x + i + 1 < columns && !string.IsNullOrEmpty(old) && !IsFast(old))
            {
                cells[y, x + i + 1].IsDirty = true;
            }
            cell = new Cell(attribute, IsDirty: true, Grapheme: GraphemeOf(c));
            changed = true;
        }
        if (changed) dirtyLines[y] = true;
        return true;
    }

    private static string GraphemeOf(char c) => c < 128 ? AsciiGraphemes[c] : Graphemes[c];

    private static IEnumerable<char> FastCharacters()
    {
        for (char c = ' '; c < '\x7f'; c++) yield return c;
        // Included only if Terminal.Gui measures it one column, as AddStr would.
        foreach (char c in NarrowSymbols)
        {
            if (c.ToString().GetColumns() == 1) yield return c;
        }
    }
}
