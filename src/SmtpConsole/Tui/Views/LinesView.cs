using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;

namespace SmtpConsole.Tui;

/// <summary>Read-only text for help, details and explanations: wrapped to the width, scrolled with the keys and wheel.</summary>
internal sealed class LinesView : View
{
    private IReadOnlyList<StyledLine> _lines = [];
    private List<(string Text, TextEmphasis Style)> _wrapped = [];
    private int _wrappedFor = -1;

    public LinesView()
    {
        CanFocus = true;
        AddCommand(Command.Up, () => Scroll(-1));
        AddCommand(Command.Down, () => Scroll(1));
        AddCommand(Command.PageUp, () => Scroll(-Math.Max(1, Viewport.Height - 1)));
        AddCommand(Command.PageDown, () => Scroll(Math.Max(1, Viewport.Height - 1)));
        AddCommand(Command.ScrollUp, () => Scroll(-3));
        AddCommand(Command.ScrollDown, () => Scroll(3));
        foreach (var (key, command) in new[] { (Key.CursorUp, Command.Up), (Key.CursorDown, Command.Down), (Key.PageUp, Command.PageUp), (Key.PageDown, Command.PageDown) })
        {
            KeyBindings.Remove(key);
            KeyBindings.Add(key, command);
        }
        MouseBindings.Add(MouseFlags.WheeledUp, Command.ScrollUp);
        MouseBindings.Add(MouseFlags.WheeledDown, Command.ScrollDown);
    }

    public bool Colour { get; set; } = true;

    public IReadOnlyList<StyledLine> Lines
    {
        get => _lines;
        set
        {
            _lines = value;
            _wrappedFor = -1;
            Viewport = Viewport with { Y = 0 };
            SetNeedsDraw();
        }
    }

    /// <summary>All text as shown (for tests).</summary>
    public string AllText => string.Join('\n', _lines.Select(l => l.Text));

    private bool Scroll(int delta)
    {
        Wrap();
        int max = Math.Max(0, _wrapped.Count - Viewport.Height);
        Viewport = Viewport with { Y = Math.Clamp(Viewport.Y + delta, 0, max) };
        SetNeedsDraw();
        return true;
    }

    private void Wrap()
    {
        int width = Math.Max(10, Viewport.Width);
        if (_wrappedFor == width) return;
        _wrapped = WrapAt(_lines, width);
        _wrappedFor = width;
        SetContentSize(new System.Drawing.Size(width, Math.Max(1, _wrapped.Count)));
    }

    /// <summary>How many rows the text takes at <paramref name="width"/> columns (a dialog sizes itself by it).</summary>
    public int RowsAt(int width) => WrapAt(_lines, Math.Max(10, width)).Count;

    private static List<(string Text, TextEmphasis Style)> WrapAt(IReadOnlyList<StyledLine> lines, int width)
    {
        var wrapped = new List<(string, TextEmphasis)>();
        foreach (var line in lines)
        {
            // Continuations are indented under the text (by columns: wide characters count two).
            string text = line.Text;
            int lead = text.Length - text.TrimStart(' ').Length;
            string indent = new(' ', Math.Min(lead + 2, width / 2));
            foreach (string part in TextColumns.Wrap(text, width, indent)) wrapped.Add((part, line.Emphasis));
        }
        return wrapped;
    }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        Wrap();
        var normal = GetAttributeForRole(VisualRole.Normal);
        for (int r = 0; r < Viewport.Height; r++)
        {
            int i = Viewport.Y + r;
            Move(0, r);
            var (text, style) = i < _wrapped.Count ? _wrapped[i] : (string.Empty, TextEmphasis.Normal);
            SetAttribute(AttributeFor(normal, style));
            AddStr(text);
            int pad = Math.Max(0, Viewport.Width - TextColumns.Of(text));
            if (pad > 0) AddStr(new string(' ', pad));
        }
        return true;
    }

    private Attribute AttributeFor(Attribute normal, TextEmphasis style) => style switch
    {
        TextEmphasis.Heading => Colour ? normal with { Foreground = new Color(ColorName16.BrightCyan), Style = TextStyle.Bold } : normal with { Style = TextStyle.Bold },
        TextEmphasis.Dim => Colour ? normal with { Foreground = new Color(ColorName16.DarkGray) } : normal with { Style = TextStyle.Faint },
        TextEmphasis.Code => Colour ? normal with { Foreground = new Color(ColorName16.BrightYellow) } : normal,
        _ => normal,
    };
}
