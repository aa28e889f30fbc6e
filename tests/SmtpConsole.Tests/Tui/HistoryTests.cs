using SmtpConsole.Tests.Support;
using SmtpConsole.Tui;
using Terminal.Gui.Input;

namespace SmtpConsole.Tests.Tui;

public sealed class HistoryTests
{
    [Fact]
    public void Up_RecallsPreviousLines_AndDownComesBackToTheDraft()
    {
        using var server = ScriptedSmtpServer.Start("220 scripted.test ESMTP", "250 hello", "250 ok");
        using var tui = TuiHarness.Start();
        tui.Connect(server);
        tui.Submit("EHLO me");
        tui.Submit("NOOP");
        tui.WaitIdle();

        tui.Type("half");
        tui.Press(Key.CursorUp);
        Assert.Equal("NOOP", tui.Window.Input.Text);
        tui.Press(Key.CursorUp);
        Assert.Equal("EHLO me", tui.Window.Input.Text);
        tui.Press(Key.CursorUp);
        Assert.Equal("EHLO me", tui.Window.Input.Text);
        tui.Press(Key.CursorDown);
        tui.Press(Key.CursorDown);
        Assert.Equal("half", tui.Window.Input.Text);
    }

    [Fact]
    public void History_IsPersistedAcrossRuns()
    {
        string data = Path.Combine(Path.GetTempPath(), "smtpconsole-tests", Guid.NewGuid().ToString("N"));
        try
        {
            using (var server = ScriptedSmtpServer.Start("220 scripted.test ESMTP", "250 hello"))
            using (var first = TuiHarness.Start(dataDirectory: data))
            {
                first.Connect(server);
                first.Submit("EHLO first.run");
                first.WaitIdle();
            }

            using var second = TuiHarness.Start(dataDirectory: data);
            second.Press(Key.CursorUp);
            Assert.Equal("EHLO first.run", second.Window.Input.Text);
            Assert.Contains("EHLO first.run", File.ReadAllLines(DataDirectory.HistoryFile(data)));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public void CtrlR_SearchesBackwards_AndEnterRunsTheMatch()
    {
        using var server = ScriptedSmtpServer.Start("220 scripted.test ESMTP", "250 a", "250 b", "250 c", "250 again");
        using var tui = TuiHarness.Start();
        tui.Connect(server);
        tui.Submit("MAIL FROM:<first@a.example>");
        tui.Submit("RCPT TO:<x@b.example>");
        tui.Submit("NOOP");
        tui.WaitIdle();

        tui.Press(Key.R.WithCtrl);
        tui.Type("mail");
        Assert.Equal("MAIL FROM:<first@a.example>", tui.Window.Input.Text);
        Assert.Contains("reverse search", tui.Window.ModeLine.Hint);
        tui.Press(Key.Enter);

        tui.WaitIdle();
        Assert.Equal("MAIL FROM:<first@a.example>", server.Commands[^1]);
        Assert.Null(tui.Window.ModeLine.Hint);
    }

    [Fact]
    public void Tab_CompletesWhatTheServerAdvertised()
    {
        using var server = ScriptedSmtpServer.Start("220 scripted.test ESMTP", "250-scripted.test\n250-AUTH PLAIN XOAUTH2\n250 SIZE 1000");
        using var tui = TuiHarness.Start();
        tui.Connect(server);
        tui.Submit("EHLO me");
        tui.WaitIdle();

        tui.Type("/auth x");
        tui.Press(Key.Tab);
        Assert.Equal("/auth xoauth2", tui.Window.Input.Text);

        tui.Window.Input.SetLine("MAIL FROM:<a@b.example> S");
        tui.Press(Key.Tab);
        Assert.Equal("MAIL FROM:<a@b.example> SIZE=", tui.Window.Input.Text);
    }

    [Fact]
    public void CtrlU_DeletesToTheStartOfTheLine()
    {
        using var tui = TuiHarness.Start(writeLog: false);
        tui.Type("MAIL FROM:<a@b>");
        tui.Press(Key.U.WithCtrl);
        Assert.Equal(string.Empty, tui.Window.Input.Text);
    }
}
