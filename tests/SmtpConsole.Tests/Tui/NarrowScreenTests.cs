using SmtpConsole.Core.Messages;
using SmtpConsole.Tests.Support;
using SmtpConsole.Tui;
using Terminal.Gui.Input;

namespace SmtpConsole.Tests.Tui;

/// <summary>
/// The rows under the transcript at 60 columns: the mode line's hints and the status line are whole (no "…"). A
/// hint that does not fit next to the activity takes a second row (the transcript gives it up); the idle keys hint
/// drops keys before "F1 help" rather than being cut; the status line shortens "not authenticated" and drops the
/// target's label before it cuts the address.
/// </summary>
public sealed class NarrowScreenTests
{
    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    [Theory]
    [InlineData(UiLanguage.English)]
    [InlineData(UiLanguage.SimplifiedChinese)]
    public void TheIdleHint_At60Columns_IsWholeKeys_EndingWithF1(UiLanguage language)
    {
        using var tui = TuiHarness.Start(60, 20, writeLog: false, configure: o => o with { Language = language });
        var lines = tui.ScreenLines();
        string modeRow = lines[16];
        Assert.DoesNotContain("…", modeRow);
        Assert.Contains(language == UiLanguage.English ? "F1 help" : "F1 帮助", modeRow);
        Assert.Contains("Tab", modeRow);
    }

    [Fact]
    public void ALongHint_At60Columns_TakesASecondRow_AndIsWhole()
    {
        using var tui = TuiHarness.Start(60, 20, writeLog: false);
        tui.Press(Key.F4); // nothing failed yet: the hint says how to pick a line
        string hint = MessageCatalog.Get("Tui.Hint.NothingToExplain", UiLanguage.English);
        Assert.True(TextColumns.Of(hint) > 58);
        var lines = tui.ScreenLines();
        Assert.DoesNotContain("…", lines[15] + lines[16]);
        Assert.Contains(Squeeze(hint), Squeeze(lines[15] + lines[16]));
        Assert.StartsWith("smtp>", lines[17].TrimStart());

        tui.Submit("NOOP"); // a new line clears the hint: back to one row
        tui.WaitIdle();
        Assert.StartsWith("smtp>", tui.ScreenLines()[17].TrimStart());
        Assert.Equal(1, tui.Window.ModeLine.RowsAt(60));
    }

    [Fact]
    public void TheStatusLine_At60Columns_KeepsTheAddressWhole()
    {
        using var server = ScriptedSmtpServer.Start("220 scripted.test ESMTP");
        using var tui = TuiHarness.Start(60, 20, writeLog: false);
        tui.Host.Connect(TuiHarness.TargetFor(server) with { Label = "practice server" });
        tui.WaitForText("S: 220 scripted.test");
        tui.WaitIdle();
        Assert.True(tui.WaitUntil(() => tui.Window.Status.ShownText.Contains("Greeted", StringComparison.Ordinal)));
        string status = tui.Window.Status.ShownText;
        Assert.DoesNotContain("…", status);
        Assert.Contains($"127.0.0.1:{server.Port}", status);
        Assert.Contains("no auth", status);
    }

    [Fact]
    public void F9_TheTimeColumn_KeepsTheNewestLineInView()
    {
        // The time column re-wraps every row; the view kept its old top, so the newest lines fell below the edge.
        string ehlo = string.Join("\n", Enumerable.Range(0, 12).Select(i => $"250-KEYWORD{i} with some parameters that wrap at sixty columns")) + "\n250 LAST";
        using var server = ScriptedSmtpServer.Start("220 scripted.test ESMTP", ehlo, "250 2.0.0 newest-line-marker");
        using var tui = TuiHarness.Start(60, 20, writeLog: false);
        tui.Connect(server);
        tui.Submit("EHLO me.example");
        tui.WaitForText("250 LAST");
        tui.Submit("NOOP");
        tui.WaitForText("newest-line-marker");
        tui.WaitIdle();
        tui.Press(Key.F9);
        Assert.True(tui.Window.Transcript.ShowTimes);
        Assert.Contains("newest-line-marker", tui.Screen());
        tui.Press(Key.F9);
        Assert.Contains("newest-line-marker", tui.Screen());
    }

    [Fact]
    public void AfterEachResize_TheNewestRowIsAtTheBottom()
    {
        // More output than any of these panes holds: after each resize the newest row sits right above the mode line.
        string reply = "550 5.7.1 " + string.Join(' ', Enumerable.Range(0, 46).Select(i => "w" + i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture))) + " TAIL-MARKER";
        using var server = ScriptedSmtpServer.Start("220 scripted.test ESMTP", string.Join("\n", Enumerable.Range(0, 40).Select(i => $"250-LINE{i}")) + "\n250 THREE", reply);
        using var tui = TuiHarness.Start(120, 36, writeLog: false);
        tui.Connect(server);
        tui.Submit("EHLO me.example");
        tui.WaitForText("250 THREE");
        tui.Submit("RCPT TO:<a@elsewhere.example>");
        tui.WaitForText("TAIL-MARKER");
        tui.WaitIdle();
        foreach (var (w, h) in new[] { (60, 20), (120, 36), (80, 24), (100, 30) })
        {
            tui.App.Driver!.SetScreenSize(w, h);
            tui.App.LayoutAndDraw(forceRedraw: true);
            var lines = tui.ScreenLines();
            int modeRow = h - 4;
            // The hint under the reply is the newest row: right above the mode line.
            Assert.True(lines[modeRow - 1].Contains("↳", StringComparison.Ordinal), $"at {w}x{h} the newest row is not at the bottom:\n{string.Join('\n', lines)}");
        }
    }
}
