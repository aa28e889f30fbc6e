using SmtpConsole.Core.Transcript;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Attribute = Terminal.Gui.Drawing.Attribute;

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
        ViewportSettings |= ViewportSettingsFlags.HasVerticalScrollBar;
        FrameChanged += (_, _) =>
        {
            if (Follow) ScrollToEnd();
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
            field = value;
            SetNeedsDraw();
        }
    }

    /// <summary>The selected row (store index), or -1.</summary>
    public int SelectedRow => _selectedRow;

    /// <summary>The rows painted from the store in the last frame (never more than the viewport height).</summary>
    public int RowsDrawnLastFrame { get; private set; }

    /// <summary>How long the view's own row drawing took in the last frame (the driver's output comes on top).</summary>
    public TimeSpan LastDrawTime { get; private set; }

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
            if (!Follow) Viewport = Viewport with { Y = Math.Max(0, Viewport.Y - evictedRows) };
        }
        SetContentSize(new System.Drawing.Size(Math.Max(1, Viewport.Width), Math.Max(1, _store.RowCount)));
        if (Follow) ScrollToEnd();
        SetNeedsDraw();
    }

    public void ScrollTo(int top)
    {
        int bottom = BottomTop();
        top = Math.Clamp(top, 0, bottom);
        if (Viewport.Y != top) Viewport = Viewport with { Y = top };
        Follow = top >= bottom;
        SetNeedsDraw();
    }

    public void ScrollBy(int delta) => ScrollTo(Viewport.Y + delta);

    public void PageUp() => ScrollBy(-Math.Max(1, Viewport.Height - 1));

    public void PageDown() => ScrollBy(Math.Max(1, Viewport.Height - 1));

    public void ScrollToTop() => ScrollTo(0);

    public void ScrollToEnd() => ScrollTo(BottomTop());

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
        if (_selectedRow < Viewport.Y) ScrollTo(_selectedRow);
        else if (_selectedRow >= Viewport.Y + Viewport.Height) ScrollTo(_selectedRow - Viewport.Height + 1);
        SetNeedsDraw();
    }

    /// <summary>The selected row, if any.</summary>
    public TranscriptRow? SelectedTranscriptRow => _selectedRow >= 0 && _selectedRow < _store.RowCount ? _store.RowAt(_selectedRow) : null;

    private int BottomTop() => Math.Max(0, _store.RowCount - Math.Max(1, Viewport.Height));

    private TranscriptPalette Palette()
    {
        Attribute normal = GetAttributeForRole(VisualRole.Normal);
        if (_palette is null || _palette.Normal != normal) _palette = new TranscriptPalette(normal, _colour);
        return _palette;
    }
}
