using System.Globalization;
using SmtpConsole.Core.Commands;
using SmtpConsole.Core.Messages;
using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;

namespace SmtpConsole.Tui;

/// <summary>
/// The line above the input: what mode the input is in (a clear coloured label in DATA body mode), what is
/// pending (waiting for a reply, queued lines), a progress bar for <c>/data @file</c>, completion candidates and
/// search state. Drawn by hand in one row — two when a hint and the activity do not fit one (on a narrow pane),
/// so neither is cut; the idle keys hint drops keys from its middle instead.
/// </summary>
internal sealed class ModeLine : View
{
    // The English texts, for tests; the screen words them through the catalogue (Tui.Mode.*) in its language.
    public const string BodyLabel = " message body — '.' alone ends ";

    /// <summary>Shown when nothing else is going on: the keys a newcomer needs first.</summary>
    public const string IdleHint = " Tab completes · ↑↓ history · Ctrl+R search · Shift+Tab select lines · F1 help ";
    private readonly bool _colour;
    private readonly UiLanguage _language;

    public ModeLine(bool colour, UiLanguage language = UiLanguage.English)
    {
        _colour = colour;
        _language = language;
        Height = 1;
        Width = Dim.Fill();
        CanFocus = false;
    }

    public RunnerMode Mode { get; private set; } = RunnerMode.Command;
    public string? Hint { get; private set; }
    public string? Activity { get; private set; }
    public string? Script { get; private set; }
    public (long Sent, long Total)? Progress { get; private set; }

    public void SetMode(RunnerMode mode) => Set(() => Mode = mode);
    public void SetHint(string? hint) => Set(() => Hint = hint);
    public void SetActivity(string? activity) => Set(() => Activity = activity);
    public void SetScript(string? script) => Set(() => Script = script);
    public void SetProgress((long Sent, long Total)? progress) => Set(() => Progress = progress);

    /// <summary>The text as drawn (for tests).</summary>
    public string ShownText => string.Concat(Left(GetAttributeForRole(VisualRole.Normal), Viewport.Width > 0 ? Viewport.Width : int.MaxValue).Select(s => s.Text)) + " " + (Activity ?? string.Empty);

    private void Set(Action change)
    {
        int rows = RowsAt(Viewport.Width);
        change();
        SetNeedsDraw();
        if (RowsAt(Viewport.Width) != rows) SuperView?.SetNeedsLayout(); // the transcript above gives or takes a row
    }

    /// <summary>Rows the line needs at <paramref name="width"/> columns: 1, or 2 when its left and right parts do not fit one.</summary>
    public int RowsAt(int width)
    {
        if (width <= 0) return 1;
        var normal = GetAttributeForRole(VisualRole.Normal);
        int left = Left(normal, width).Sum(p => TextColumns.Of(p.Text));
        return left + TextColumns.Of(Right) <= width ? 1 : 2;
    }

    private string Right => Activity is null ? string.Empty : " " + Activity + " ";

    // Terminal.Gui's clear is a FillRect cell by cell; the same blank written in runs costs a fraction (CellWriter).
    protected override bool OnClearingViewport() => CellWriter.ClearViewport(this);

    protected override bool OnDrawingContent(DrawContext? context)
    {
        var normal = GetAttributeForRole(VisualRole.Normal);
        int width = Viewport.Width;
        var left = Left(normal, width).ToList();
        string right = Right;
        if (RowsAt(width) > 1 && Viewport.Height > 1)
        {
            // Two rows: the left part wrapped at a space, the rest of it on the second row before the activity.
            var (first, rest) = Split(left, width);
            int used = StyledRow.Draw(this, first, width);
            if (used < width)
            {
                SetAttribute(normal);
                AddStr(new string(' ', width - used));
            }
            DrawRow(1, rest, right, normal, width);
            return true;
        }
        DrawRow(0, left, right, normal, width);
        return true;
    }

    private void DrawRow(int row, List<(string Text, Attribute Attribute)> left, string right, Attribute normal, int width)
    {
        int column = StyledRow.Draw(this, left, width, row);
        int pad = Math.Max(0, width - column - TextColumns.Of(right));
        SetAttribute(Faint(normal));
        AddStr(new string('─', pad));
        column += pad;
        if (right.Length > 0 && column < width)
        {
            SetAttribute(_colour ? normal with { Foreground = new Color(ColorName16.BrightYellow) } : normal with { Style = TextStyle.Bold });
            AddStr(TextColumns.Cut(right, width - column));
        }
    }

    /// <summary>Splits styled text at the last space that lets the first part fit <paramref name="width"/> columns.</summary>
    private static (List<(string, Attribute)> Head, List<(string, Attribute)> Tail) Split(List<(string Text, Attribute Attribute)> segments, int width)
    {
        string all = string.Concat(segments.Select(s => s.Text));
        int cut = TextColumns.Wrap(all, width)[0].Length;
        var first = new List<(string, Attribute)>();
        var rest = new List<(string, Attribute)>();
        int offset = 0;
        foreach (var (text, attribute) in segments)
        {
            int end = offset + text.Length;
            if (end <= cut) first.Add((text, attribute));
            else if (offset >= cut) rest.Add((text, attribute));
            else
            {
                first.Add((text[..(cut - offset)], attribute));
                rest.Add((" " + text[(cut - offset)..], attribute));
            }
            offset = end;
        }
        return (first, rest);
    }

    private IEnumerable<(string Text, Attribute Attribute)> Left(Attribute normal, int width = int.MaxValue)
    {
        if (Progress is { } progress)
        {
            yield return (ProgressText(progress.Sent, progress.Total, 20, _language), _colour ? normal with { Foreground = new Color(ColorName16.BrightCyan) } : normal);
        }
        else if (Mode == RunnerMode.DataBody)
        {
            yield return (_language.Say("Mode.Body"), _colour
                ? new Attribute(new Color(ColorName16.Black), new Color(ColorName16.BrightMagenta), TextStyle.Bold)
                : normal with { Style = TextStyle.Reverse | TextStyle.Bold });
            yield return (_language.Say("Mode.LeadingDots"), Faint(normal));
        }
        else if (Mode == RunnerMode.Pipeline)
        {
            yield return (_language.Say("Mode.Pipeline"), _colour
                ? new Attribute(new Color(ColorName16.Black), new Color(ColorName16.BrightCyan), TextStyle.Bold)
                : normal with { Style = TextStyle.Reverse | TextStyle.Bold });
        }
        if (Hint is { } hint) yield return (" " + hint + " ", _colour ? normal with { Foreground = new Color(ColorName16.BrightCyan) } : normal);
        else if (Script is { } script) yield return (" " + script + " ", _colour ? normal with { Foreground = new Color(ColorName16.BrightGreen) } : normal);
        else if (Mode == RunnerMode.Command && Progress is null && Activity is null) yield return (FitKeys(_language.Say("Mode.IdleHint"), width), Faint(normal));
    }

    /// <summary>
    /// The idle keys hint at <paramref name="width"/> columns: keys dropped from before the last ("F1 help") until it
    /// fits, rather than a cut in the middle of one.
    /// </summary>
    public static string FitKeys(string hint, int width)
    {
        if (TextColumns.Of(hint) <= width) return hint;
        var keys = hint.Trim().Split(" · ").ToList();
        while (keys.Count > 1 && TextColumns.Of(" " + string.Join(" · ", keys) + " ") > width) keys.RemoveAt(keys.Count - 2);
        return " " + string.Join(" · ", keys) + " ";
    }

    /// <summary>A text progress bar: <c>[██████░░░░] 45%  12.3 of 27.0 MB</c>.</summary>
    public static string ProgressText(long sent, long total, int barWidth, UiLanguage language = UiLanguage.English)
    {
        if (total <= 0) return language.Say("Progress.Unknown", Mb(sent));
        double fraction = Math.Clamp((double)sent / total, 0, 1);
        int filled = (int)Math.Round(fraction * barWidth);
        string bar = new string('█', filled) + new string('░', barWidth - filled);
        return language.Say("Progress.Bar", bar, (fraction * 100).ToString("0", CultureInfo.InvariantCulture), Mb(sent), Mb(total));
    }

    private static string Mb(long bytes) => (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture);

    private Attribute Faint(Attribute normal) => _colour ? normal with { Foreground = new Color(ColorName16.DarkGray) } : normal with { Style = TextStyle.Faint };
}
