using System.Globalization;
using SmtpConsole.Core.Transcript;
using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;

namespace SmtpConsole.Tui;

internal sealed partial class TranscriptView
{
    /// <summary>Width of the optional time column: "HH:mm:ss.fff +NNNNN.Nms ".</summary>
    private const int TimeWidth = 24;

    private readonly List<int> _lineStarts = [];

    // OnDrawingContent writes every cell of the viewport (blank rows and row ends too): Terminal.Gui's clear first
    // (a FillRect of the whole viewport, a third of a frame's cost with a full transcript) would only be overwritten.
    protected override bool OnClearingViewport() => true;

    protected override bool OnDrawingContent(DrawContext? context)
    {
        long started = System.Diagnostics.Stopwatch.GetTimestamp();
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        var palette = Palette();
        int width = Viewport.Width;
        int height = Viewport.Height;
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
        for (; r < height; r++) CellWriter.Blank(this, 0, r, width, palette.Normal);
        RowsDrawnLastFrame = drawn;
        LastDrawTime = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        LastDrawAllocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
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
            int column = 0;
            if (line == 0)
            {
                if (ShowTimes)
                {
                    if (row.IsFirstLine && row.Kind == TranscriptRowKind.Text) Write(TimeColumn(e), palette.Time, selected, ref column, y, width);
                    else Pad(Math.Min(TimeWidth, width), palette.Time, selected, ref column, y, width);
                }
                Write(TranscriptPalette.Gutter(e, row.Kind), palette.GutterOf(e), selected, ref column, y, width);
            }
            else
            {
                // Continuations sit under the text: no gutter, no time, and under the text after a hint's arrow.
                Pad(Math.Min(width, Indent + (hint ? HintArrowWidth : 0)), palette.Normal, selected, ref column, y, width);
            }
            int start = _lineStarts[line];
            int end = line + 1 < lines ? _lineStarts[line + 1] : content.Length;
            bool last = line == lines - 1;
            if (last && cut)
            {
                end = TextColumns.Fit(content, start, Math.Max(0, width - column - 1), out _);
            }
            var text = content.AsSpan();
            if (noteStart >= 0 && noteStart < end)
            {
                if (noteStart > start) Write(text[start..noteStart], textAttribute, selected, ref column, y, width);
                Write(text[Math.Max(start, noteStart)..end], palette.Note, selected, ref column, y, width);
            }
            else
            {
                Write(text[start..end], textAttribute, selected, ref column, y, width);
            }
            if (last && cut) Write(TextColumns.CutMarker, palette.Note, selected, ref column, y, width);
            // The rest of the row in one run (not cell by cell).
            Pad(width - column, palette.Normal, selected, ref column, y, width);
        }
        return Math.Max(taken, 0);
    }

    /// <summary>Writes one segment that the layout made fit; a segment wider than the room left is cut with a marker.</summary>
    private void Write(ReadOnlySpan<char> text, Attribute attribute, bool selected, ref int column, int y, int width)
    {
        int room = width - column;
        if (room <= 0 || text.IsEmpty) return;
        var shown = selected ? Reverse(attribute) : attribute;
        // Most text is one column a character: its width is its length, with no measuring.
        if (CellWriter.IsFast(text))
        {
            if (text.Length > room) text = string.Concat(text[..Math.Max(0, room - 1)], TextColumns.CutMarker);
            column += CellWriter.Write(this, column, y, text, shown);
            return;
        }
        string part = text.ToString();
        if (TextColumns.Of(part) > room) part = TextColumns.Cut(part, room);
        column += CellWriter.Write(this, column, y, part, shown);
    }

    /// <summary>Blank cells: the time column's room, a continuation's indent, a row's end.</summary>
    private void Pad(int count, Attribute attribute, bool selected, ref int column, int y, int width)
    {
        count = Math.Min(count, width - column);
        if (count <= 0) return;
        CellWriter.Blank(this, column, y, count, selected ? Reverse(attribute) : attribute);
        column += count;
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
