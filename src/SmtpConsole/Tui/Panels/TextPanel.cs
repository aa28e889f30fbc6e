using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;

namespace SmtpConsole.Tui;

/// <summary>Help, line details and explanations: a scrollable text. Esc, Enter or q close it.</summary>
internal sealed class TextPanel : ModalPanel
{
    private readonly LinesView _text;
    private readonly Func<Key, bool>? _extraKeys;

    public TextPanel(string title, IReadOnlyList<StyledLine> lines, bool colour, string footer = "Esc closes · PgUp/PgDn scroll", Func<Key, bool>? extraKeys = null) : base(title)
    {
        _extraKeys = extraKeys;
        FitWidth(90);
        Height = Dim.Percent(85);
        _text = new LinesView { X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill(1), Lines = lines, Colour = colour };
        var foot = new LinesView { X = 0, Y = Pos.AnchorEnd(1), Width = Dim.Fill(), Height = 1, CanFocus = false, Colour = colour, Lines = [new StyledLine(footer, TextEmphasis.Dim)] };
        Add(_text, foot);
    }

    public LinesView Content => _text;

    public void SetLines(IReadOnlyList<StyledLine> lines) => _text.Lines = lines;

    protected override View? InitialFocus() => _text;

    protected override bool OnKeyDown(Key key)
    {
        if (_extraKeys?.Invoke(key) == true) return true;
        if (key.KeyCode is KeyCode.Enter or KeyCode.Q)
        {
            Close();
            return true;
        }
        return base.OnKeyDown(key);
    }
}
