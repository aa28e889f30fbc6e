using System.Drawing;
using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;

namespace SmtpConsole.Tui;

internal sealed partial class ConsoleWindow
{
    /// <summary>
    /// The window's own clear would fill every cell of the screen (Terminal.Gui's FillRect, cell by cell: a fifth of a
    /// full frame) just before the transcript, mode line, prompt, input, status line and key bar, which tile the
    /// window, paint their cells again. While they are all it holds, only what none of them covers is cleared, and the
    /// window is marked for drawing as Terminal.Gui's clear marks it, so each of them draws again. With anything else
    /// showing in it (a panel, whose margin and shadow let the cleared window show through), Terminal.Gui clears as usual.
    /// </summary>
    protected override bool OnClearingViewport()
    {
        View[] tiles = [_transcript, _modeLine, _prompt, _input, _status, _keys];
        // Anything else on screen (a panel, the input's completion popup when shown): Terminal.Gui's clear.
        if (TopPanel is not null || SubViews.Any(view => Array.IndexOf(tiles, view) < 0 && view.Visible && !view.Frame.IsEmpty)) return false;
        var uncovered = new Region(new Rectangle(Point.Empty, Viewport.Size));
        foreach (var view in tiles)
        {
            if (view.Visible) uncovered.Exclude(view.Frame);
        }
        if (!uncovered.IsEmpty())
        {
            var normal = GetAttributeForRole(Enabled ? VisualRole.Normal : VisualRole.Disabled);
            foreach (var area in uncovered.GetRectangles())
            {
                for (int row = area.Top; row < area.Bottom; row++) CellWriter.Blank(this, area.Left, row, area.Width, normal);
            }
        }
        SetNeedsDraw();
        return true;
    }
}
