using Terminal.Gui.Drivers;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;

namespace SmtpConsole.Tui;

/// <summary>A one-line choice between a few options: <c>(•) one  ( ) two</c>. Left/Right or Space move, click picks.</summary>
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

    protected override bool OnMouseEvent(Mouse mouse)
    {
        if (mouse.Position is not { } position || !mouse.Flags.HasFlag(MouseFlags.LeftButtonClicked)) return false;
        int x = 0;
        for (int i = 0; i < _options.Length; i++)
        {
            int w = 4 + _options[i].Length + 2;
            if (position.X < x + w)
            {
                Selected = i;
                SetFocus();
                return true;
            }
            x += w;
        }
        return true;
    }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        var normal = GetAttributeForRole(HasFocus ? VisualRole.Focus : VisualRole.Normal);
        Move(0, 0);
        SetAttribute(normal);
        var sb = new System.Text.StringBuilder();
        for (int i = 0; i < _options.Length; i++) sb.Append(i == Selected ? "(•) " : "( ) ").Append(_options[i]).Append("  ");
        AddStr(sb.ToString().PadRight(Math.Max(0, Viewport.Width)));
        return true;
    }
}
