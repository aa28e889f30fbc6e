using System.Globalization;
using SmtpConsole.Core.Transcript;
using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace SmtpConsole.Tui;

internal sealed partial class TranscriptView
{
    /// <summary>Width of the optional time column: "HH:mm:ss.fff +NNNNN.Nms ".</summary>
    private const int TimeWidth = 24;

    private string _blank = string.Empty;

    protected override bool OnDrawingContent(DrawContext? context)
    {
        long started = System.Diagnostics.Stopwatch.GetTimestamp();
        var palette = Palette();
        int width = Viewport.Width;
        int height = Viewport.Height;
        if (_blank.Length != width) _blank = new string(' ', Math.Max(0, width));
        int rows = _store.RowCount;
        int drawn = 0;
        for (int r = 0; r < height; r++)
        {
            int index = Viewport.Y + r;
            Move(0, r);
            if (index >= rows)
            {
                SetAttribute(palette.Normal);
                AddStr(_blank);
                continue;
            }
            DrawRow(_store.RowAt(index), r, width, palette, index == _selectedRow);
            drawn++;
        }
        RowsDrawnLastFrame = drawn;
        LastDrawTime = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        return true;
    }

    private void DrawRow(TranscriptRow row, int screenRow, int width, TranscriptPalette palette, bool selected)
    {
        var e = row.Event;
        int column = 0;
        if (ShowTimes) Write(row.IsFirstLine && row.Kind == TranscriptRowKind.Text ? TimeColumn(e) : _blank[..Math.Min(TimeWidth, width)], palette.Time, selected, ref column, width);
        Write(TranscriptPalette.Gutter(e, row.Kind), palette.GutterOf(e), selected, ref column, width);
        if (row.Kind == TranscriptRowKind.Hint)
        {
            Write("↳ " + row.Text(), palette.Hint, selected, ref column, width);
        }
        else
        {
            Write(row.Text(), palette.TextOf(e), selected, ref column, width);
            if (row.IsLastTextLine && e.Note is { } note) Write("  # " + note, palette.Note, selected, ref column, width);
        }
        if (column < width)
        {
            SetAttribute(selected ? Reverse(palette.Normal) : palette.Normal);
            AddStr(_blank[..(width - column)]);
        }
        _ = screenRow;
    }

    /// <summary>Writes one segment, cut at the right edge with an ellipsis (the details dialog shows the whole line).</summary>
    private void Write(string text, Attribute attribute, bool selected, ref int column, int width)
    {
        int room = width - column;
        if (room <= 0 || text.Length == 0) return;
        string part = text.Length <= room ? text : text[..Math.Max(0, room - 1)] + "…";
        SetAttribute(selected ? Reverse(attribute) : attribute);
        AddStr(part);
        column += part.Length;
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
