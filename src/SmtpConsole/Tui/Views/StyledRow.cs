using Terminal.Gui.ViewBase;

namespace SmtpConsole.Tui;

/// <summary>Draws a one-row view's styled segments left to right, cut at the view's width in terminal columns.</summary>
internal static class StyledRow
{
    /// <summary>Draws <paramref name="segments"/> from the start of row <paramref name="row"/> of <paramref name="view"/>; returns the columns used.</summary>
    public static int Draw(View view, IEnumerable<(string Text, Attribute Attribute)> segments, int width, int row = 0)
    {
        view.Move(0, row);
        int column = 0;
        foreach (var (text, attribute) in segments)
        {
            if (column >= width) break;
            string part = TextColumns.Cut(text, width - column);
            view.SetAttribute(attribute);
            view.AddStr(part);
            column += TextColumns.Of(part);
        }
        return column;
    }
}
