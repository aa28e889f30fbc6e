using SmtpConsole.Core.Transcript;
using SmtpConsole.Tests.Support;
using SmtpConsole.Tui;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;

namespace SmtpConsole.Tests.Tui;

/// <summary>Long rows wrap under their text instead of being cut; CJK counts two columns; cost stays per viewport.</summary>
public sealed class TranscriptWrapTests
{
    private static string LongReply(int columns)
    {
        var text = new System.Text.StringBuilder("550 5.7.1 ");
        for (int i = 0; text.Length < columns; i++) text.Append("word").Append(i).Append(' ');
        text.Append("END-OF-REPLY");
        return text.ToString();
    }

    private static void Add(TuiHarness tui, TranscriptEvent e)
    {
        tui.Host.Store.Append(e);
        tui.Window.Transcript.OnStoreChanged(0);
    }

    /// <summary>The screen rows of the transcript pane, as text.</summary>
    private static string[] PaneRows(TuiHarness tui) => tui.ScreenLines()[..tui.Window.Transcript.Viewport.Height];

    [Fact]
    public void A230ColumnReply_IsWholeAt80Columns_ContinuationsIndentedWithoutGutter()
    {
        using var tui = TuiHarness.Start(width: 80, height: 24, writeLog: false);
        string reply = LongReply(230);
        Add(tui, new TranscriptEvent(TranscriptEventKind.Reply, reply));
        Add(tui, TranscriptEvent.Info("after"));

        var rows = PaneRows(tui);
        int first = Array.FindIndex(rows, r => r.StartsWith("S: 550 5.7.1", StringComparison.Ordinal));
        Assert.True(first >= 0, string.Join('\n', rows));
        int last = Array.FindIndex(rows, r => r.Contains("END-OF-REPLY", StringComparison.Ordinal));
        Assert.True(last >= first + 2, "a 230-column reply takes at least three rows at 80 columns");
        string joined = "";
        for (int r = first; r <= last; r++)
        {
            if (r > first)
            {
                Assert.StartsWith("   ", rows[r]);
                Assert.DoesNotContain("S:", rows[r][..3]);
            }
            joined += rows[r][3..].TrimEnd() + " ";
        }
        Assert.Equal(string.Join(' ', reply.Split(' ', StringSplitOptions.RemoveEmptyEntries)), string.Join(' ', joined.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        Assert.DoesNotContain("…", string.Join('\n', rows));
        Assert.Contains("#  after", rows[last + 1]);
    }

    [Fact]
    public void Resize_ReWraps_AndFollowKeepsTheNewestRowVisible()
    {
        using var tui = TuiHarness.Start(width: 120, height: 24, writeLog: false);
        for (int i = 0; i < 50; i++) Add(tui, TranscriptEvent.Info($"row {i} " + LongReply(150)));
        Assert.Contains("END-OF-REPLY", PaneRows(tui)[^1]);

        tui.App.Driver!.SetScreenSize(60, 20);
        tui.App.LayoutAndDraw(forceRedraw: true);
        var rows = PaneRows(tui);
        Assert.Contains("END-OF-REPLY", rows[^1]);
        Assert.True(tui.Window.Transcript.Follow);
        Assert.All(rows, r => Assert.True(r.TrimEnd().Length <= 60));
        Assert.DoesNotContain("…", string.Join('\n', rows));
    }

    [Fact]
    public void WideCharacters_CountTwoColumns_AndWrapWithoutOverflow()
    {
        using var tui = TuiHarness.Start(width: 40, height: 20, writeLog: false);
        string cjk = string.Concat(Enumerable.Repeat("中文邮件服务器拒绝了", 6)); // 60 characters, 120 columns
        Add(tui, TranscriptEvent.Info(cjk));
        var view = tui.Window.Transcript;
        tui.Screen();
        int used = 0;
        for (int r = 0; r < view.Viewport.Height; r++) if (view.RowAtScreen(r) == 0) used++;
        // 37 columns of text per row hold 18 wide characters: 60 characters need 4 rows (a byte count would say 2).
        Assert.Equal(4, used);
        Assert.Equal(120, TextColumns.Of(cjk));
        Assert.Equal(4, TextColumns.Of("ab中"));
    }

    [Fact]
    public void AnEnormousCjkLine_IsCutWithItsMarker()
    {
        using var tui = TuiHarness.Start(width: 80, height: 24, writeLog: false);
        Add(tui, TranscriptEvent.Info(new string('中', 40_000)));
        var rows = PaneRows(tui);
        Assert.EndsWith("…", rows[^1].TrimEnd());
        Assert.Equal("中中…", TextColumns.Cut(new string('中', 10), 5));
        Assert.Equal("中中…", TextColumns.Cut(new string('中', 10), 6));
    }

    [Fact]
    public void ClickingAContinuationRow_SelectsTheWholeRow_ForDetailsAndCopy()
    {
        using var tui = TuiHarness.Start(width: 80, height: 24, writeLog: false);
        for (int i = 0; i < 3; i++) Add(tui, TranscriptEvent.Info("short " + i));
        string reply = LongReply(230);
        Add(tui, new TranscriptEvent(TranscriptEventKind.Reply, reply));
        var rows = PaneRows(tui);
        int last = Array.FindIndex(rows, r => r.Contains("END-OF-REPLY", StringComparison.Ordinal));
        var view = tui.Window.Transcript;

        tui.App.InjectMouse(new Mouse { Flags = MouseFlags.LeftButtonClicked, ScreenPosition = new System.Drawing.Point(10, last) });
        Assert.Equal(3, view.SelectedRow);
        Assert.Equal(reply, view.SelectedTranscriptRow!.Value.Text());
        tui.Press(Key.CursorUp);
        Assert.Equal(2, view.SelectedRow);
    }

    [Fact]
    public void ScrollingThroughManyWrappedRows_MeasuresOnlyRowsNearTheViewport()
    {
        using var tui = TuiHarness.Start(width: 80, height: 24, writeLog: false);
        var store = tui.Host.Store;
        string reply = LongReply(200);
        for (int i = 0; i < 100_000; i++) store.Append(new TranscriptEvent(TranscriptEventKind.Reply, i + " " + reply));
        var view = tui.Window.Transcript;
        view.OnStoreChanged(0);
        tui.App.LayoutAndDraw(forceRedraw: true);
        Assert.Equal(view.Viewport.Height, view.RowsDrawnLastFrame);
        Assert.Contains("99999 550", string.Join('\n', PaneRows(tui)));

        for (int i = 0; i < 20; i++)
        {
            view.PageUp();
            tui.App.LayoutAndDraw();
        }
        Assert.False(view.Follow);
        view.ScrollToTop();
        tui.App.LayoutAndDraw();
        Assert.Contains("S: 0 550", string.Join('\n', PaneRows(tui)));
        // Twenty pages of three-row replies are ~160 rows; the whole store is 100,000.
        Assert.InRange(view.MeasuredRowCount, 1, 1_000);

        // Paging down screen by screen skips no row and repeats only the one row of context.
        view.ScrollToTop();
        tui.App.LayoutAndDraw();
        var seen = new List<string>();
        for (int page = 0; page < 4; page++)
        {
            var rows = PaneRows(tui);
            seen.AddRange(page == 0 ? rows : rows[1..]);
            view.PageDown();
            tui.App.LayoutAndDraw();
        }
        var numbers = seen.Where(r => r.StartsWith("S: ", StringComparison.Ordinal)).Select(r => int.Parse(r[3..].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(Enumerable.Range(0, numbers.Count), numbers);
        Assert.True(numbers.Count >= 20);
        // Each reply that ends before the last page's end shows its last line exactly once.
        var starts = seen.Select((r, n) => (r, n)).Where(x => x.r.StartsWith("S: ", StringComparison.Ordinal)).Select(x => x.n).ToList();
        for (int k = 0; k + 1 < starts.Count; k++)
            Assert.Equal(1, seen.Skip(starts[k]).Take(starts[k + 1] - starts[k]).Count(r => r.Contains("END-OF-REPLY", StringComparison.Ordinal)));
    }
}
