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

    /// <summary>The text as drawn (for tests and tmux checks).</summary>
    public string ShownText => string.Concat(Segments(GetAttributeForRole(VisualRole.Normal)).Select(s => s.Text));

    // Terminal.Gui's clear is a FillRect cell by cell; the same blank written in runs costs a fraction (CellWriter).
    protected override bool OnClearingViewport() => CellWriter.ClearViewport(this);

    protected override bool OnDrawingContent(DrawContext? context)
    {
        var normal = GetAttributeForRole(VisualRole.Normal);
        int width = Viewport.Width;
        int column = StyledRow.Draw(this, Segments(normal), width);
        if (column < width)
        {
            SetAttribute(normal);
            AddStr(new string(' ', width - column));
        }
        return true;
    }

    private IEnumerable<(string Text, Attribute Attribute)> Segments(Attribute normal)
    {
        var s = Snapshot;
        var dim = _colour ? normal with { Foreground = new Color(ColorName16.DarkGray) } : normal;
        const string bar = " │ ";
        yield return (" smtpconsole", _colour ? normal with { Foreground = new Color(ColorName16.BrightCyan), Style = TextStyle.Bold } : normal with { Style = TextStyle.Bold });
        yield return (bar, dim);
        yield return (s.Target, normal);
        yield return (bar, dim);
        var security = !s.Connected ? dim
            : s.Secure ? (_colour ? normal with { Foreground = new Color(ColorName16.BrightGreen) } : normal)
            : (_colour ? normal with { Foreground = new Color(ColorName16.BrightYellow) } : normal with { Style = TextStyle.Underline });
        yield return (s.Security, security);
        yield return (bar, dim);
        yield return (s.Auth, s.Authenticated && _colour ? normal with { Foreground = new Color(ColorName16.BrightGreen) } : normal);
        yield return (bar, dim);
        yield return (s.Phase, normal);
        if (s.Latency is { } latency)
        {
            yield return (bar, dim);
            yield return (latency, normal);
        }
    }
}
