using SmtpConsole.Core.Commands;
using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;

namespace SmtpConsole.Tui;

/// <summary>The prompt in front of the input: <c>smtp&gt;</c>, <c>DATA&gt;</c> in a message body, <c>PIPE&gt;</c> in a pipeline group.</summary>
internal sealed class PromptView : View
{
    public const int PromptWidth = 6;
    private readonly bool _colour;

    public PromptView(bool colour)
    {
        _colour = colour;
        Width = PromptWidth;
        Height = 1;
        CanFocus = false;
    }

    public RunnerMode Mode
    {
        get;
        set
        {
            field = value;
            SetNeedsDraw();
        }
    }

    public string ShownText => Mode switch { RunnerMode.DataBody => "DATA> ", RunnerMode.Pipeline => "PIPE> ", _ => "smtp> " };

    // Terminal.Gui's clear is a FillRect cell by cell; the same blank written in runs costs a fraction (CellWriter).
    protected override bool OnClearingViewport() => CellWriter.ClearViewport(this);

    protected override bool OnDrawingContent(DrawContext? context)
    {
        var normal = GetAttributeForRole(VisualRole.Normal);
        Attribute attribute = Mode switch
        {
            RunnerMode.DataBody => _colour ? normal with { Foreground = new Color(ColorName16.BrightMagenta), Style = TextStyle.Bold } : normal with { Style = TextStyle.Bold | TextStyle.Reverse },
            RunnerMode.Pipeline => _colour ? normal with { Foreground = new Color(ColorName16.BrightCyan), Style = TextStyle.Bold } : normal with { Style = TextStyle.Bold },
            _ => _colour ? normal with { Foreground = new Color(ColorName16.BrightBlue), Style = TextStyle.Bold } : normal with { Style = TextStyle.Bold },
        };
        Move(0, 0);
        SetAttribute(attribute);
        AddStr(ShownText);
        return true;
    }
}
