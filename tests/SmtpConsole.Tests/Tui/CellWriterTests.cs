using System.Drawing;
using SmtpConsole.Core.Transcript;
using SmtpConsole.Tests.Support;
using SmtpConsole.Tui;
using Terminal.Gui.App;
using Terminal.Gui.Drawing;
using Terminal.Gui.Drivers;
using Terminal.Gui.Testing;
using Terminal.Gui.Time;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using Attribute = Terminal.Gui.Drawing.Attribute;
using Color = Terminal.Gui.Drawing.Color;

namespace SmtpConsole.Tests.Tui;

/// <summary>
/// Round four (issue 16 §2): the transcript writes single-column runs straight into the driver's cells. What it
/// writes must be exactly what Terminal.Gui's AddStr would write (text, attributes, wide glyphs, clipping), and a
/// cell that already shows the same thing must not be marked for sending again.
/// </summary>
public sealed class CellWriterTests
{
    private static readonly Attribute Green = new(new Color(ColorName16.BrightGreen), new Color(ColorName16.Black));
    private static readonly Attribute Grey = new(new Color(ColorName16.Gray), new Color(ColorName16.Blue), TextStyle.Faint);

    /// <summary>A view whose content is whatever the test draws, on a headless 60x8 screen.</summary>
    private sealed class Canvas : View
    {
        public Action<Canvas>? Paint { get; set; }

        protected override bool OnClearingViewport() => true;

        protected override bool OnDrawingContent(DrawContext? context)
        {
            Paint?.Invoke(this);
            return true;
        }
    }

    private static (IApplication App, Canvas Canvas, SessionToken Token) Start()
    {
        IApplication app = Application.Create(new VirtualTimeProvider());
        app.Init(DriverRegistry.Names.ANSI);
        app.Driver!.SetScreenSize(60, 8);
        var window = new Window { BorderStyle = LineStyle.None };
        var canvas = new Canvas { X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill() };
        window.Add(canvas);
        var token = app.Begin(window) ?? throw new InvalidOperationException("the window did not start");
        return (app, canvas, token);
    }

    private static (string Grapheme, Attribute? Attribute)[] Row(IApplication app, int row)
    {
        Cell[,] cells = app.Driver!.Contents!;
        return [.. Enumerable.Range(0, cells.GetLength(1)).Select(c => (cells[row, c].Grapheme, cells[row, c].Attribute))];
    }

    /// <summary>Earlier content, the text, its column, and whether the writer itself can draw it.</summary>
    public static TheoryData<string, string, int, bool> Texts => new()
    {
        { "", "EHLO client.example", 0, true },
        { "", "250-mx.example.com Hello [127.0.0.1] ─── … ↳ █░", 3, true },
        { "", "中文回复 250 OK", 2, false },                       // wide: AddStr's path
        { "", "cafe\u0301 e\u0301 combining", 1, false },          // combining marks: AddStr's path
        { "", "emoji 📨 and flags 🇩🇪", 0, false },
        { "", "tab\there and a bell \u0007", 0, false },           // controls: AddStr makes them printable
        { "中中中中中中中中", "ascii over wide", 3, false },         // a wide glyph's second half is overwritten: AddStr's rule
        { "中中中中中中中中", "ascii over wide", 4, true },          // over a whole wide glyph: its second column is resent
        { "中中中中中中中中", "ascii over wide", 5, false },
        { "abcdefghijklmnopqrstuvwxyz", "shorter", 5, true },
        { "abcdefghijklmnopqrstuvwxyz", "x", 59, true },
        { "", "runs past the right edge of the screen", 40, false }, // cut by the screen: AddStr's clipping
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Write_LeavesTheSameCells_AsTerminalGuisAddStr(string before, string text, int column, bool direct)
    {
        var (app, canvas, token) = Start();
        try
        {
            int fastColumns = -1;
            canvas.Paint = v =>
            {
                // Row 0 through the writer, row 1 through AddStr, each over the same earlier content.
                foreach (int row in (int[])[0, 1])
                {
                    v.Move(0, row);
                    v.SetAttribute(Grey);
                    v.AddStr(before.PadRight(60 - before.Length));
                }
                Assert.Equal(direct, CellWriter.TryWrite(v, column, 0, text, Green));
                fastColumns = direct ? text.Length : CellWriter.Write(v, column, 0, text, Green);
                v.Move(column, 1);
                v.SetAttribute(Green);
                v.AddStr(text);
            };
            app.LayoutAndDraw(forceRedraw: true);

            Assert.Equal(Row(app, 1), Row(app, 0));
            Assert.Equal(TextColumns.Of(text), fastColumns);
        }
        finally
        {
            app.End(token);
            app.Dispose();
        }
    }

    [Fact]
    public void Blank_FillsLikeSpaces()
    {
        var (app, canvas, token) = Start();
        try
        {
            canvas.Paint = v =>
            {
                foreach (int row in (int[])[0, 1])
                {
                    v.Move(0, row);
                    v.SetAttribute(Grey);
                    v.AddStr("中中中 text to be blanked out");
                }
                CellWriter.Blank(v, 3, 0, 20, Green);
                v.Move(3, 1);
                v.SetAttribute(Green);
                v.AddStr(new string(' ', 20));
            };
            app.LayoutAndDraw(forceRedraw: true);

            Assert.Equal(Row(app, 1), Row(app, 0));
        }
        finally
        {
            app.End(token);
            app.Dispose();
        }
    }

    [Fact]
    public void UnchangedCells_StayClean_SoTheyAreNotSentToTheTerminalAgain()
    {
        var (app, canvas, token) = Start();
        try
        {
            string text = "250 2.0.0 Ok: queued as 4XYZ";
            bool lineDirty = false;
            int[] dirtyCells = [];
            canvas.Paint = v =>
            {
                CellWriter.Write(v, 0, 2, text, Green);
                // Seen at draw time, before the frame is written out (which cleans every cell).
                var buffer = v.App!.Driver!.GetOutputBuffer();
                lineDirty = buffer.DirtyLines[2];
                dirtyCells = [.. Enumerable.Range(0, 60).Where(c => buffer.Contents![2, c].IsDirty)];
            };
            app.LayoutAndDraw(forceRedraw: true);
            Assert.True(lineDirty);

            canvas.SetNeedsDraw();
            app.LayoutAndDraw();
            Assert.False(lineDirty);
            Assert.Empty(dirtyCells);

            text = "250 2.0.0 Ok: queued as 4XYW";
            canvas.SetNeedsDraw();
            app.LayoutAndDraw();
            Assert.True(lineDirty);
            Assert.Equal([text.Length - 1], dirtyCells);
        }
        finally
        {
            app.End(token);
            app.Dispose();
        }
    }

    [Fact]
    public void ARunTheClipCuts_LeavesTheCellsOutsideTheClipAlone()
    {
        var (app, canvas, token) = Start();
        try
        {
            canvas.Paint = v =>
            {
                v.Move(0, 3);
                v.SetAttribute(Grey);
                v.AddStr(new string('x', 60));
                // Something on top covers columns 10..19 of row 3 (a dialog, say): the clip excludes it.
                var clip = v.App!.Driver!.Clip!.Clone();
                v.App.Driver.Clip!.Exclude(new Rectangle(10, 3, 10, 1));
                CellWriter.Write(v, 0, 3, new string('a', 40), Green);
                v.App.Driver.Clip = clip;
            };
            app.LayoutAndDraw(forceRedraw: true);

            var row = Row(app, 3);
            Assert.All(row[..10], cell => Assert.Equal(("a", (Attribute?)Green), cell));
            Assert.All(row[10..20], cell => Assert.Equal(("x", (Attribute?)Grey), cell));
            Assert.All(row[20..40], cell => Assert.Equal(("a", (Attribute?)Green), cell));
            Assert.All(row[40..], cell => Assert.Equal(("x", (Attribute?)Grey), cell));
        }
        finally
        {
            app.End(token);
            app.Dispose();
        }
    }

    [Fact]
    public void ClosingAPanelOverTheTranscript_LeavesNothingOfIt()
    {
        using var tui = TuiHarness.Start(writeLog: false);
        for (int i = 0; i < 100; i++) tui.Host.Store.Append(TranscriptEvent.Info("line " + i));
        tui.Window.Transcript.OnStoreChanged(0);
        tui.App.LayoutAndDraw();
        string before = tui.App.Driver!.ToString()!;

        tui.Press(Terminal.Gui.Input.Key.F1);
        tui.App.LayoutAndDraw();
        string withHelp = tui.App.Driver.ToString()!;
        Assert.NotEqual(before, withHelp);

        tui.Window.TopPanel!.Close();
        tui.App.LayoutAndDraw(); // not forced: only what Terminal.Gui marks for drawing is drawn again
        Assert.Equal(before, tui.App.Driver.ToString());
    }

    /// <summary>
    /// Every cell's text and attribute as the terminal shows it: the cell after a wide glyph is its second half (Terminal.Gui
    /// keeps whatever grapheme was there and never sends it), so only its attribute counts.
    /// </summary>
    private static string Cells(IApplication app)
    {
        Cell[,] cells = app.Driver!.Contents!;
        var text = new System.Text.StringBuilder();
        for (int r = 0; r < cells.GetLength(0); r++)
        {
            for (int c = 0; c < cells.GetLength(1); c++)
            {
                bool secondHalf = c > 0 && Terminal.Gui.Text.StringExtensions.GetColumns(cells[r, c - 1].Grapheme) > 1;
                text.Append(secondHalf ? "·" : cells[r, c].Grapheme).Append(cells[r, c].Attribute).Append('|');
            }
            text.Append('\n');
        }
        return text.ToString();
    }

    [Fact]
    public void EveryIncrementalFrame_EqualsAFullRedraw()
    {
        using var tui = TuiHarness.Start(width: 70, height: 20, writeLog: false);
        var view = tui.Window.Transcript;
        string[] texts =
        [
            "EHLO client.example", "250-mx.example.com ─ pipelining … ok", "中文回复：收件人地址被拒绝 550 5.1.1",
            "cafe\u0301 naïve résumé", "a very long line that wraps " + new string('x', 150), "tab\tand emoji 📨",
        ];
        int step = 0;
        void Check(string what)
        {
            tui.App.LayoutAndDraw();
            string incremental = Cells(tui.App);
            tui.App.LayoutAndDraw(forceRedraw: true);
            string full = Cells(tui.App);
            if (incremental != full)
            {
                var a = incremental.Split('\n');
                var b = full.Split('\n');
                int row = Enumerable.Range(0, a.Length).First(r => a[r] != b[r]);
                var ca = a[row].Split('|');
                var cb = b[row].Split('|');
                int col = Enumerable.Range(0, ca.Length).First(c => ca[c] != cb[c]);
                Assert.Fail($"after {what} (step {step}) the screen differs from a full redraw at row {row}, column {col}: '{ca[col]}' drawn, '{cb[col]}' in a full redraw\n{tui.App.Driver!.ToString()}");
            }
            step++;
        }

        for (int i = 0; i < 60; i++)
        {
            tui.Host.Store.Append(TranscriptEvent.Info(texts[i % texts.Length] + " #" + i));
            view.OnStoreChanged(0);
            if (i % 7 == 0) Check("appending");
        }
        Check("appending");
        tui.Press(Terminal.Gui.Input.Key.PageUp);
        Check("page up");
        tui.App.InjectMouse(new Terminal.Gui.Input.Mouse { Flags = Terminal.Gui.Input.MouseFlags.LeftButtonClicked, ScreenPosition = new Point(5, 3) });
        Check("selecting a row");
        tui.Press(Terminal.Gui.Input.Key.F9);
        Check("showing times");
        tui.Press(Terminal.Gui.Input.Key.F1);
        Check("opening help");
        tui.Window.TopPanel!.Close();
        Check("closing help");
        foreach (var (w, h) in ((int, int)[])[(40, 12), (100, 30), (12, 6), (70, 20)])
        {
            tui.App.Driver!.SetScreenSize(w, h);
            Check($"resizing to {w}x{h}");
        }
        tui.Press(Terminal.Gui.Input.Key.End.WithCtrl);
        tui.Type("MAIL FROM:<a@example.com>");
        Check("typing");
    }
}
