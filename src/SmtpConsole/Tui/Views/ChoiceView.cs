using Terminal.Gui.Drivers;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;

namespace SmtpConsole.Tui;

/// <summary>
/// A choice between a few options: <c>(•) one  ( ) two</c>. Left/Right or Space move, click picks. Options that do
/// not fit the width go on to the next row (an option is never cut), so a narrow dialog still shows every one.
/// </summary>
internal sealed class ChoiceView : View
{
    private readonly string[] _options;

    public ChoiceView(params string[] options)
    {
        _options = options;
        CanFocus = true;
        Height = 1;
        Width = Dim.Fill();
    }

    public int Selected
    {
        get;
        set
        {
            field = Math.Clamp(value, 0, _options.Length - 1);
            SetNeedsDraw();
        }
    }

    protected override bool OnKeyDown(Key key)
    {
        switch (key.KeyCode)
        {
            case KeyCode.CursorRight:
            case KeyCode.Space:
                Selected = (Selected + 1) % _options.Length;
                return true;
            case KeyCode.CursorLeft:
                Selected = (Selected + _options.Length - 1) % _options.Length;
                return true;
        }
        return base.OnKeyDown(key);
    }

    /// <summary>How many rows the options take at <paramref name="width"/> columns.</summary>
    public int RowsAt(int width) => Places(width).Max(p => p.Row) + 1;

    // Where each option starts: "(•) " + text + two columns of gap, flowing on to the next row when it does not fit.
    private (int Column, int Row)[] Places(int width)
    {
        var places = new (int, int)[_options.Length];
        int column = 0, row = 0;
        for (int i = 0; i < _options.Length; i++)
        {
            int need = 4 + TextColumns.Of(_options[i]);
            if (column > 0 && column + need > width)
            {
                row++;
                column = 0;
            }
            places[i] = (column, row);
            column += need + 2;
        }
        return places;
    }

    protected override bool OnMouseEvent(Mouse mouse)
    {
        if (mouse.Position is not { } position || !mouse.Flags.HasFlag(MouseFlags.LeftButtonClicked)) return false;
        var places = Places(Viewport.Width);
        for (int i = 0; i < _options.Length; i++)
        {
            var (column, row) = places[i];
            if (position.Y == row && position.X >= column && position.X < column + 4 + TextColumns.Of(_options[i]))
            {
                Selected = i;
                SetFocus();
                return true;
            }
        }
        return true;
    }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        var normal = GetAttributeForRole(HasFocus ? VisualRole.Focus : VisualRole.Normal);
        SetAttribute(normal);
        int width = Math.Max(0, Viewport.Width);
        var places = Places(width);
        var rows = new System.Text.StringBuilder[Math.Max(1, Viewport.Height)];
        for (int r = 0; r < rows.Length; r++) rows[r] = new System.Text.StringBuilder();
        for (int i = 0; i < _options.Length; i++)
        {
            var (column, row) = places[i];
            if (row >= rows.Length) break;
            var sb = rows[row];
            while (TextColumns.Of(sb.ToString()) < column) sb.Append(' ');
            sb.Append(i == Selected ? "(•) " : "( ) ").Append(_options[i]);
        }
        for (int r = 0; r < rows.Length; r++)
        {
            Move(0, r);
            string text = TextColumns.Cut(rows[r].ToString(), width);
            AddStr(text + new string(' ', Math.Max(0, width - TextColumns.Of(text))));
        }
        return true;
    }
}
