using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;

namespace SmtpConsole.Tui;

/// <summary>
/// The session status: host:port, security (plain or TLS version and cipher), authenticated user, phase, latency of
/// the last reply. Drawn by hand in one row: cheaper than relaying out a status bar on every change.
/// </summary>
internal sealed class StatusLine : View
{
    private readonly bool _colour;

    public StatusLine(bool colour)
    {
        _colour = colour;
        Height = 1;
        Width = Dim.Fill();
        CanFocus = false;
    }

    public StatusSnapshot Snapshot
    {
        get;
        set
        {
            if (field == value) return;
            field = value;
            SetNeedsDraw();
        }
    } = StatusSnapshot.Disconnected;

    /// <summary>The text as drawn at the current width (for tests and tmux checks).</summary>
    public string ShownText => string.Concat(StatusLineLayout.Fit(Snapshot, Viewport.Width).Select(p => p.Text));

    // Terminal.Gui's clear is a FillRect cell by cell; the same blank written in runs costs a fraction (CellWriter).
    protected override bool OnClearingViewport() => CellWriter.ClearViewport(this);

    protected override bool OnDrawingContent(DrawContext? context)
    {
        var normal = GetAttributeForRole(VisualRole.Normal);
        int width = Viewport.Width;
        int column = StyledRow.Draw(this, Segments(normal, width), width);
        if (column < width)
        {
            SetAttribute(normal);
            AddStr(new string(' ', width - column));
        }
        return true;
    }

    private IEnumerable<(string Text, Attribute Attribute)> Segments(Attribute normal, int width)
    {
        var s = Snapshot;
        var dim = _colour ? normal with { Foreground = new Color(ColorName16.DarkGray) } : normal;
        var brand = _colour ? normal with { Foreground = new Color(ColorName16.BrightCyan), Style = TextStyle.Bold } : normal with { Style = TextStyle.Bold };
        var security = !s.Connected ? dim
            : s.Secure ? (_colour ? normal with { Foreground = new Color(ColorName16.BrightGreen) } : normal)
            : (_colour ? normal with { Foreground = new Color(ColorName16.BrightYellow) } : normal with { Style = TextStyle.Underline });
        var auth = s.Authenticated && _colour ? normal with { Foreground = new Color(ColorName16.BrightGreen) } : normal;
        foreach (var (part, text) in StatusLineLayout.Fit(s, width))
        {
            yield return (text, part switch
            {
                StatusPart.Brand => brand,
                StatusPart.Separator => dim,
                StatusPart.Security => security,
                StatusPart.Auth => auth,
                _ => normal,
            });
        }
    }
}
