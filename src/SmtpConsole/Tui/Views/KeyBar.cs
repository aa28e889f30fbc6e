using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;

namespace SmtpConsole.Tui;

/// <summary>
/// The bottom row of keys, drawn by hand so it fits any width: the quit key is always shown (at the right end), the
/// others go left to right with their long labels, then short ones, and whatever still does not fit is left out
/// (F1 lists every key). A click on a key runs it.
/// </summary>
internal sealed class KeyBar : View
{
    private const string Separator = "  ";
    private readonly IReadOnlyList<KeyBarItem> _items;
    private readonly KeyBarItem _quit;
    private readonly bool _colour;
    private List<(int Start, int End, KeyBarItem Item)> _laidOut = [];

    public KeyBar(IReadOnlyList<KeyBarItem> items, KeyBarItem quit, bool colour)
    {
        _items = items;
        _quit = quit;
        _colour = colour;
        Height = 1;
        Width = Dim.Fill();
        Y = Pos.AnchorEnd(1);
        CanFocus = false;
    }

    /// <summary>The row as drawn at <paramref name="width"/> columns (for tests and tmux checks).</summary>
    public string TextFor(int width) => string.Concat(Layout(width).Select(p => p.Text));

    /// <summary>The row as drawn now.</summary>
    public string ShownText => TextFor(Viewport.Width);

    private List<(string Text, bool IsKey, KeyBarItem? Item)> Layout(int width)
    {
        foreach (bool shortLabels in new[] { false, true })
        {
            string quit = _quit.Render(shortLabels);
            int room = width - TextColumns.Of(quit) - 1;
            var parts = new List<(string, bool, KeyBarItem?)>();
            int used = 0;
            bool all = true;
            foreach (var item in _items)
            {
                string text = item.Render(shortLabels);
                int need = TextColumns.Of(text) + (parts.Count > 0 ? Separator.Length : 0);
                if (used + need > room)
                {
                    all = false;
                    continue; // a shorter item further on may still fit
                }
                if (parts.Count > 0) parts.Add((Separator, false, null));
                parts.Add((text, true, item));
                used += need;
            }
            if (!all && !shortLabels) continue;
            int pad = Math.Max(1, width - used - TextColumns.Of(quit));
            parts.Add((new string(' ', pad), false, null));
            parts.Add((quit, true, _quit));
            return parts;
        }
        return [];
    }

    // Terminal.Gui's clear is a FillRect cell by cell; the same blank written in runs costs a fraction (CellWriter).
    protected override bool OnClearingViewport() => CellWriter.ClearViewport(this);

    protected override bool OnDrawingContent(DrawContext? context)
    {
        var normal = GetAttributeForRole(VisualRole.Normal);
        var key = _colour ? normal with { Foreground = new Color(ColorName16.BrightCyan), Style = TextStyle.Bold } : normal with { Style = TextStyle.Bold };
        int width = Viewport.Width;
        Move(0, 0);
        int column = 0;
        _laidOut = [];
        foreach (var (text, isKey, item) in Layout(width))
        {
            if (column >= width) break;
            string part = TextColumns.Cut(text, width - column);
            int start = column;
            if (isKey && item is not null)
            {
                // The key in bold, its label plain: "F1 Help".
                int space = part.IndexOf(' ');
                SetAttribute(key);
                AddStr(space < 0 ? part : part[..space]);
                SetAttribute(normal);
                if (space >= 0) AddStr(part[space..]);
            }
            else
            {
                SetAttribute(normal);
                AddStr(part);
            }
            column += TextColumns.Of(part);
            if (item is not null) _laidOut.Add((start, column, item));
        }
        if (column < width)
        {
            SetAttribute(normal);
            AddStr(new string(' ', width - column));
        }
        return true;
    }

    protected override bool OnMouseEvent(Mouse mouse)
    {
        if (mouse.Position is not { } position || !mouse.Flags.HasFlag(MouseFlags.LeftButtonClicked)) return false;
        foreach (var (start, end, item) in _laidOut)
        {
            if (position.X >= start && position.X < end)
            {
                item.Action();
                return true;
            }
        }
        return false;
    }
}

/// <summary>One key of the <see cref="KeyBar"/>: the key as shown, a label and a shorter one for narrow panes.</summary>
internal sealed record KeyBarItem(string Key, string Label, string ShortLabel, Action Action)
{
    public string Render(bool shortLabel) => Key + " " + (shortLabel ? ShortLabel : Label);
}
