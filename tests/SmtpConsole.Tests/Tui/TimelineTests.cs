using SmtpConsole.Tests.Support;
using SmtpConsole.Tui;
using Terminal.Gui.Input;

namespace SmtpConsole.Tests.Tui;

public sealed class TimelineTests
{
    [Fact]
    public void ShiftF9_ShowsASparklineAndBars_WithTheSlowStepMarked()
    {
        using var server = ScriptedSmtpServer.Start(
            "220 scripted.test ESMTP", "250 fast one", new ScriptedReply("250 slow one", TimeSpan.FromMilliseconds(400)), "250 fast two");
        using var tui = TuiHarness.Start(width: 120, height: 40);
        tui.Connect(server);
        tui.Submit("NOOP");
        tui.Submit("RSET");
        tui.Submit("HELP");
        tui.WaitForText("S: 250 fast two");
        tui.WaitIdle();

        tui.Press(Key.F9.WithShift);
        var panel = Assert.IsType<TextPanel>(tui.Window.TopPanel);
        var lines = panel.Content.AllText.Split('\n');
        Assert.StartsWith("4 round trips", lines[0]);
        Assert.Equal(4, lines[1].Length);
        Assert.Equal('█', lines[1][2]); // RSET's reply was the slow one
        string slow = Assert.Single(lines, l => l.Contains("◀ slowest", StringComparison.Ordinal));
        Assert.Contains("250 RSET", slow);
        Assert.Contains(lines, l => l.Contains("220 (greeting)", StringComparison.Ordinal));
        tui.Press(Key.Esc);
    }
}
