using System.Drawing;
using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;

namespace SmtpConsole.Tui;

internal sealed partial class ConsoleWindow
{
    /// <summary>
    /// The window's own clear would fill every cell of the screen (Terminal.Gui's FillRect, cell by cell: a fifth of a
    /// full frame) just before the transcript, mode line, prompt, input, status line and key bar, which tile the
    /// window, paint their cells again. Only what none of them covers is cleared here; each of them clears or fully
    /// draws its own area, and when something on top of them goes away Terminal.Gui redraws the ones under it.
    /// </summary>
    protected override bool OnClearingViewport()
    {
        var uncovered = new Region(new Rectangle(Point.Empty, Viewport.Size));
        foreach (var view in (View[])[_transcript, _modeLine, _prompt, _input, _status, _keys])
        {
            if (view.Visible) uncovered.Exclude(view.Frame);
        }
        if (uncovered.IsEmpty()) return true;
        var normal = GetAttributeForRole(VisualRole.Normal);
        foreach (var area in uncovered.GetRectangles())
        {
            for (int row = area.Top; row < area.Bottom; row++) CellWriter.Blank(this, area.Left, row, area.Width, normal);
        }
        return true;
    }
}
