using SmtpConsole.Core.Transcript;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;

namespace SmtpConsole.Tui;

/// <summary>
/// The transcript pane: a virtualised view over a <see cref="TranscriptStore"/>. Each frame draws only the
/// <see cref="View.Viewport"/>'s rows, whatever the size of the store, and holds no object per line. It follows new
/// output unless the user has scrolled up; a row can be selected (keyboard or mouse) to see its details.
/// </summary>
internal sealed partial class TranscriptView : View
{
    private readonly TranscriptStore _store;
    private readonly bool _colour;
    private TranscriptPalette? _palette;
    private int _selectedRow = -1;

    public TranscriptView(TranscriptStore store, bool colour)
    {
        _store = store;
        _colour = colour;
        CanFocus = true;
        // The top store row can sit closer to the end than a pane height when the rows below it wrap.
        ViewportSettings |= ViewportSettingsFlags.HasVerticalScrollBar | ViewportSettingsFlags.AllowYPlusHeightGreaterThanContentHeight;
        FrameChanged += (_, _) =>
        {
            // A new width re-wraps every row: keep following, or keep the same top row.
            if (Follow) ScrollToEnd();
            else SetTop((Viewport.Y, TopSkip));
        };
        CreateCommands();
    }

    public TranscriptStore Store => _store;

    /// <summary>True while the view sticks to the newest output; scrolling up turns it off, End turns it back on.</summary>
    public bool Follow { get; private set; } = true;

    /// <summary>Shows a time and latency column in front of each event.</summary>
    public bool ShowTimes
    {
        get;
        set
        {
            if (field == value) return;
            field = value;
            // The column takes width from the text, so every row re-wraps (as on a resize): keep following the end,
            // or keep the same top row. Without this F9 left the newest lines below the bottom edge.
            if (Follow) ScrollToEnd();
            else SetTop((Viewport.Y, TopSkip));
            SetNeedsDraw();
        }
    }

    /// <summary>The selected row (store index), or -1.</summary>
    public int SelectedRow => _selectedRow;

    /// <summary>The rows painted from the store in the last frame (never more than the viewport height).</summary>
    public int RowsDrawnLastFrame { get; private set; }

    /// <summary>How long the view's own row drawing took in the last frame (the driver's output comes on top).</summary>
    public TimeSpan LastDrawTime { get; private set; }

    /// <summary>Bytes the view's own row drawing allocated in the last frame.</summary>
    public long LastDrawAllocated { get; private set; }

    /// <summary>Raised when the user asks for the details of a row (Enter, double-click).</summary>
    public event Action<TranscriptRow>? DetailsRequested;

    /// <summary>Raised when the user leaves the transcript with Esc or Tab (the input takes focus back).</summary>
    public event Action? LeaveRequested;

    /// <summary>Call after the store changed: keeps the rows under the user's eyes in place when old rows were evicted.</summary>
    public void OnStoreChanged(int evictedRows)
    {
        if (evictedRows > 0)
        {
            if (_selectedRow >= 0) _selectedRow = _selectedRow >= evictedRows ? _selectedRow - evictedRows : -1;
            if (!Follow)
            {
                int top = Viewport.Y - evictedRows;
                Viewport = Viewport with { Y = Math.Max(0, top) };
                _skipRow = top >= 0 ? Viewport.Y : -1;
            }
        }
        if (Follow) ScrollToEnd();
        else UpdateContentSize(BottomPosition().Row);
        SetNeedsDraw();
    }

    /// <summary>
    /// Content rows are store rows, with room below the last one: when the last rows wrap, the top store row sits
    /// closer to the end than a pane height, and Terminal.Gui would otherwise clamp it back.
    /// </summary>
    private void UpdateContentSize(int bottomRow)
    {
        var size = new System.Drawing.Size(Math.Max(1, Viewport.Width), Math.Max(1, Math.Max(_store.RowCount, bottomRow + Viewport.Height)));
        if (GetContentSize() != size) SetContentSize(size);
    }

    /// <summary>Puts store row <paramref name="top"/> at the top of the view (clamped so the view stays filled).</summary>
    public void ScrollTo(int top) => SetTop((Math.Max(0, top), 0));

    /// <summary>Scrolls by screen rows: a wrapped row counts once per line it takes.</summary>
    public void ScrollBy(int delta) => ScrollScreenRows(delta);

    public void PageUp() => ScrollBy(-Math.Max(1, Viewport.Height - 1));

    public void PageDown() => ScrollBy(Math.Max(1, Viewport.Height - 1));

    public void ScrollToTop() => SetTop((0, 0));

    public void ScrollToEnd() => SetTop(BottomPosition());

    /// <summary>Selects a row (clamped) and scrolls it into view; -1 clears the selection.</summary>
    public void Select(int row)
    {
        if (row < 0 || _store.RowCount == 0)
        {
            _selectedRow = -1;
            SetNeedsDraw();
            return;
        }
        _selectedRow = Math.Min(row, _store.RowCount - 1);
        Reveal(_selectedRow);
        SetNeedsDraw();
    }

    /// <summary>The selected row, if any.</summary>
    public TranscriptRow? SelectedTranscriptRow => _selectedRow >= 0 && _selectedRow < _store.RowCount ? _store.RowAt(_selectedRow) : null;

    private TranscriptPalette Palette()
    {
        Attribute normal = GetAttributeForRole(VisualRole.Normal);
        if (_palette is null || _palette.Normal != normal) _palette = new TranscriptPalette(normal, _colour);
        return _palette;
    }
}
