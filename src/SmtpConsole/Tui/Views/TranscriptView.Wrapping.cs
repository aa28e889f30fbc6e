using SmtpConsole.Core.Transcript;

namespace SmtpConsole.Tui;

/// <summary>
/// Wrapping: a store row longer than the pane continues on the next screen rows, indented under its text (the gutter
/// and time column are not repeated). Only rows near the viewport are ever measured: the top of the view is a store
/// row plus how many of its wrapped lines are scrolled off, and every move walks row by row from there, so a frame
/// and a page move cost the same whatever the transcript's length. Measured counts are cached until the width changes.
/// </summary>
internal sealed partial class TranscriptView
{
    /// <summary>A single row never takes more screen rows than this; the rest is cut with a marker (F3 shows it whole).</summary>
    public const int MaxWrappedLines = 400;

    private const int HintArrowWidth = 2;

    private readonly Dictionary<int, int> _wrappedCounts = [];
    private int _countsWidth = -1;
    private bool _countsTimes;
    private long _countsEvicted;

    /// <summary>Wrapped lines of the top row scrolled off above the viewport (when <see cref="_skipRow"/> is the top row).</summary>
    private int _skip;
    private int _skipRow = -1;

    /// <summary>Wrapped lines of the top row scrolled off above the viewport.</summary>
    public int TopSkip => _skipRow == Viewport.Y ? _skip : 0;

    /// <summary>Store rows whose wrapped height is cached now: stays near the viewport's size, never the store's.</summary>
    public int MeasuredRowCount => _wrappedCounts.Count;

    /// <summary>The newest store row on screen, or -1.</summary>
    public int LastVisibleRow
    {
        get
        {
            int height = Math.Max(1, Viewport.Height);
            int row = Viewport.Y, used = 0, skip = TopSkip, last = -1;
            for (; row < _store.RowCount && used < height; row++, skip = 0)
            {
                used += WrappedCount(row) - skip;
                last = row;
            }
            return last;
        }
    }

    /// <summary>The store row on screen row <paramref name="screenRow"/> of the view, or -1 (measured from the current position).</summary>
    public int RowAtScreen(int screenRow)
    {
        if (screenRow < 0 || screenRow >= Viewport.Height) return -1;
        int row = Viewport.Y, skip = TopSkip;
        for (; row < _store.RowCount; row++, skip = 0)
        {
            int count = WrappedCount(row) - skip;
            if (screenRow < count) return row;
            screenRow -= count;
        }
        return -1;
    }

    /// <summary>Columns before a row's text: the time column (when shown) and the gutter.</summary>
    private int Indent => (ShowTimes ? TimeWidth : 0) + 3;

    /// <summary>The text a store row shows after its gutter (hint arrow, text, decoded note), and where the note starts.</summary>
    private static string ContentOf(TranscriptRow row, out int noteStart)
    {
        if (row.Kind == TranscriptRowKind.Hint)
        {
            noteStart = -1;
            return "↳ " + row.Text();
        }
        string text = row.Text();
        if (row.IsLastTextLine && row.Event.Note is { } note)
        {
            noteStart = text.Length;
            return text + "  # " + note;
        }
        noteStart = -1;
        return text;
    }

    /// <summary>
    /// Where each wrapped line of <paramref name="content"/> starts, for a pane <paramref name="width"/> wide.
    /// Returns the number of lines (at most <see cref="MaxWrappedLines"/>); <paramref name="cut"/> says whether text was left out.
    /// </summary>
    private int Layout(string content, bool hint, int width, List<int>? starts, out bool cut)
    {
        cut = false;
        int first = Math.Max(1, width - Indent);
        int rest = Math.Max(1, first - (hint ? HintArrowWidth : 0));
        int start = 0, lines = 0;
        do
        {
            starts?.Add(start);
            lines++;
            int room = lines == 1 ? first : rest;
            if (lines == MaxWrappedLines)
            {
                int end = TextColumns.Fit(content, start, room, out _);
                cut = end < content.Length;
                break;
            }
            start = TextColumns.NextBreak(content, start, room);
        }
        while (start < content.Length);
        return lines;
    }

    /// <summary>Screen rows store row <paramref name="row"/> takes at the current width.</summary>
    private int WrappedCount(int row)
    {
        int width = Math.Max(1, Viewport.Width);
        if (_countsWidth != width || _countsTimes != ShowTimes || _countsEvicted != _store.EvictedEvents || _wrappedCounts.Count > 65_536)
        {
            _wrappedCounts.Clear();
            _countsWidth = width;
            _countsTimes = ShowTimes;
            _countsEvicted = _store.EvictedEvents;
        }
        if (_wrappedCounts.TryGetValue(row, out int count)) return count;
        var transcriptRow = _store.RowAt(row);
        string content = ContentOf(transcriptRow, out _);
        // Most rows fit: no need to walk them character by character. A UTF-16 unit takes at most two columns (CJK), so
        // a row short enough even at two columns each fits; otherwise count its columns before trusting its length.
        bool fits = content.Length + Indent <= width && (2 * content.Length + Indent <= width || TextColumns.Of(content) + Indent <= width);
        count = fits ? 1 : Layout(content, transcriptRow.Kind == TranscriptRowKind.Hint, width, null, out _);
        _wrappedCounts[row] = count;
        return count;
    }

    /// <summary>The top position (row, wrapped lines skipped) that shows store row <paramref name="last"/>'s last line at the bottom.</summary>
    private (int Row, int Skip) PositionEndingAt(int last)
    {
        int need = Math.Max(1, Viewport.Height);
        for (int row = last; row >= 0; row--)
        {
            int count = WrappedCount(row);
            if (count >= need) return (row, count - need);
            need -= count;
        }
        return (0, 0);
    }

    private (int Row, int Skip) BottomPosition() => _store.RowCount == 0 ? (0, 0) : PositionEndingAt(_store.RowCount - 1);

    private static int Compare((int Row, int Skip) a, (int Row, int Skip) b) => a.Row != b.Row ? a.Row.CompareTo(b.Row) : a.Skip.CompareTo(b.Skip);

    /// <summary>Moves the top of the view to a position, clamped between the top and the bottom; follow resumes at the bottom.</summary>
    private void SetTop((int Row, int Skip) position)
    {
        var bottom = BottomPosition();
        if (Compare(position, bottom) > 0) position = bottom;
        if (position.Row < 0) position = (0, 0);
        if (position.Row < _store.RowCount) position.Skip = Math.Clamp(position.Skip, 0, WrappedCount(position.Row) - 1);
        else position.Skip = 0;
        UpdateContentSize(bottom.Row);
        if (Viewport.Y != position.Row) Viewport = Viewport with { Y = position.Row };
        _skipRow = position.Row;
        _skip = position.Skip;
        Follow = Compare(position, bottom) >= 0;
        SetNeedsDraw();
    }

    /// <summary>Moves the view by <paramref name="delta"/> screen rows (wrapped lines count one each).</summary>
    private void ScrollScreenRows(int delta)
    {
        int row = Viewport.Y, skip = TopSkip;
        int rows = _store.RowCount;
        if (rows == 0)
        {
            SetTop((0, 0));
            return;
        }
        if (delta > 0)
        {
            var bottom = BottomPosition();
            while (delta > 0 && Compare((row, skip), bottom) < 0)
            {
                int left = WrappedCount(row) - 1 - skip;
                if (delta <= left)
                {
                    skip += delta;
                    break;
                }
                delta -= left + 1;
                row++;
                skip = 0;
            }
        }
        else
        {
            while (delta < 0)
            {
                if (-delta <= skip)
                {
                    skip += delta;
                    break;
                }
                delta += skip + 1;
                if (row == 0)
                {
                    skip = 0;
                    break;
                }
                row--;
                skip = WrappedCount(row) - 1;
            }
        }
        SetTop((row, skip));
    }

    /// <summary>Scrolls so all of store row <paramref name="row"/> is visible (its first line when it is taller than the pane).</summary>
    private void Reveal(int row)
    {
        if (row < Viewport.Y || (row == Viewport.Y && TopSkip > 0))
        {
            SetTop((row, 0));
            return;
        }
        // Screen rows from the top of the view to the end of the row: only rows on screen are measured.
        int height = Math.Max(1, Viewport.Height);
        int used = WrappedCount(Viewport.Y) - TopSkip;
        for (int r = Viewport.Y + 1; r <= row && used <= height; r++) used += WrappedCount(r);
        if (used <= height) return;
        var end = PositionEndingAt(row);
        SetTop(Compare(end, (row, 0)) > 0 ? (row, 0) : end);
    }
}
