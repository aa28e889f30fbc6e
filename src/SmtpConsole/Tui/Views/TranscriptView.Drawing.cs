using System.Globalization;
using SmtpConsole.Core.Transcript;
using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;

namespace SmtpConsole.Tui;

internal sealed partial class TranscriptView
{
    /// <summary>Width of the optional time column: "HH:mm:ss.fff +NNNNN.Nms ".</summary>
    private const int TimeWidth = 24;

    private string _blank = string.Empty;

    private readonly List<int> _lineStarts = [];

    protected override bool OnDrawingContent(DrawContext? context)
    {
        long started = System.Diagnostics.Stopwatch.GetTimestamp();
        var palette = Palette();
        int width = Viewport.Width;
        int height = Viewport.Height;
        if (_blank.Length != width) _blank = new string(' ', Math.Max(0, width));
        int rows = _store.RowCount;
        int drawn = 0;
        int index = Viewport.Y;
        int skip = TopSkip;
        int r = 0;
        while (r < height && index < rows)
        {
            r += DrawRow(_store.RowAt(index), r, skip, width, height, palette, index == _selectedRow);
            skip = 0;
            index++;
        }
        drawn = r;
        for (; r < height; r++)
        {
            Move(0, r);
            SetAttribute(palette.Normal);
            AddStr(_blank);
        }
        RowsDrawnLastFrame = drawn;
        LastDrawTime = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        return true;
    }

    /// <summary>Draws a store row from its wrapped line <paramref name="skip"/> on; returns the screen rows it took.</summary>
    private int DrawRow(TranscriptRow row, int screenRow, int skip, int width, int height, TranscriptPalette palette, bool selected)
    {
        var e = row.Event;
        bool hint = row.Kind == TranscriptRowKind.Hint;
        string content = ContentOf(row, out int noteStart);
        _lineStarts.Clear();
        int lines = Layout(content, hint, width, _lineStarts, out bool cut);
        var textAttribute = hint ? palette.Hint : palette.TextOf(e);
        int taken = 0;
        for (int line = skip; line < lines && screenRow + taken < height; line++, taken++)
        {
            int y = screenRow + taken;
            Move(0, y);
            int column = 0;
            if (line == 0)
            {
                if (ShowTimes) Write(row.IsFirstLine && row.Kind == TranscriptRowKind.Text ? TimeColumn(e) : _blank[..Math.Min(TimeWidth, width)], palette.Time, selected, ref column, width);
                Write(TranscriptPalette.Gutter(e, row.Kind), palette.GutterOf(e), selected, ref column, width);
            }
            else
            {
                // Continuations sit under the text: no gutter, no time, and under the text after a hint's arrow.
                int indent = Math.Min(width, Indent + (hint ? HintArrowWidth : 0));
                Write(_blank[..indent], palette.Normal, selected, ref column, width);
            }
            int start = _lineStarts[line];
            int end = line + 1 < lines ? _lineStarts[line + 1] : content.Length;
            bool last = line == lines - 1;
            if (last && cut)
            {
                end = TextColumns.Fit(content, start, Math.Max(0, width - column - 1), out _);
            }
            if (noteStart >= 0 && noteStart < end)
            {
                if (noteStart > start) Write(content[start..noteStart], textAttribute, selected, ref column, width);
                Write(content[Math.Max(start, noteStart)..end], palette.Note, selected, ref column, width);
            }
            else
            {
                Write(content[start..end], textAttribute, selected, ref column, width);
            }
            if (last && cut) Write(TextColumns.CutMarker, palette.Note, selected, ref column, width);
            if (column < width)
            {
                SetAttribute(selected ? Reverse(palette.Normal) : palette.Normal);
                AddStr(_blank[..(width - column)]);
            }
        }
        return Math.Max(taken, 0);
    }

    /// <summary>Writes one segment that the layout made fit; a segment wider than the room left is cut with a marker.</summary>
    private void Write(string text, Attribute attribute, bool selected, ref int column, int width)
    {
        int room = width - column;
        if (room <= 0 || text.Length == 0) return;
        int columns = TextColumns.Of(text);
        string part = text;
        if (columns > room)
        {
            part = TextColumns.Cut(text, room);
            columns = TextColumns.Of(part);
        }
        SetAttribute(selected ? Reverse(attribute) : attribute);
        AddStr(part);
        column += columns;
    }

    private static Attribute Reverse(Attribute attribute) => attribute with { Style = attribute.Style | TextStyle.Reverse };

    private static string TimeColumn(TranscriptEvent e)
    {
        string time = e.Timestamp.ToLocalTime().ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);
        string delta = e.ElapsedMs < 100_000
            ? "+" + e.ElapsedMs.ToString("0.0", CultureInfo.InvariantCulture) + "ms"
            : "+" + (e.ElapsedMs / 1000).ToString("0", CultureInfo.InvariantCulture) + "s";
        return (time + " " + delta.PadLeft(10)).PadRight(TimeWidth);
    }
}
