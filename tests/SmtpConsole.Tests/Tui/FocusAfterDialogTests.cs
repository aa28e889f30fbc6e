using SmtpConsole.Tests.Support;
using SmtpConsole.Tui;
using Terminal.Gui.Input;

namespace SmtpConsole.Tests.Tui;

/// <summary>
/// After a dialog closes — by Enter in its field or by one of its buttons — typing and pasting go to the command
/// line again. Closed by F8's "Run all" button, the focus was left nowhere: a paste while the script ran was dropped.
/// </summary>
public sealed class FocusAfterDialogTests
{
    [Fact]
    public void APasteWhileAScriptRuns_AfterRunAllWasPressed_IsQueued_NotDropped()
    {
        using var server = ScriptedSmtpServer.Start("220 scripted.test ESMTP", "250 hello", "250 one", "250 two", "250 pasted");
        using var tui = TuiHarness.Start(width: 100, height: 30);
        tui.Connect(server);
        string path = Path.Combine(tui.DataDirectory, "run-all.txt");
        File.WriteAllLines(path, ["EHLO me.example", "NOOP one", "NOOP two"]);
        tui.Press(Key.F8);
        var panel = tui.WaitForPanel<ScriptPanel>();
        panel.Path.Text = path;
        tui.Press(Key.Tab); // to "Step by step"
        tui.Press(Key.Tab); // to "Run all"
        tui.Press(Key.Enter);
        Assert.Null(tui.Window.TopPanel);
        Assert.True(tui.Window.Input.HasFocus, "the command line should have the focus back");

        tui.App.RaisePasteEvent("NOOP pasted\n");
        tui.WaitForText("S: 250 pasted");
        tui.WaitIdle();
        Assert.Contains("NOOP pasted", server.Commands);
    }

    [Fact]
    public void TypingAndPastingAfterTheConnectDialogsCancelButton_GoToTheCommandLine()
    {
        using var tui = TuiHarness.Start(width: 100, height: 30, writeLog: false);
        tui.Press(Key.F2);
        var panel = tui.WaitForPanel<ConnectPanel>();
        // Shift+Tab from the first field wraps to the last control: Cancel.
        tui.Press(Key.Tab.WithShift);
        tui.Press(Key.Enter);
        Assert.Null(tui.Window.TopPanel);
        tui.Type("NOOP");
        Assert.Equal("NOOP", tui.Window.Input.Text);
        tui.App.RaisePasteEvent(" pasted");
        Assert.Equal("NOOP pasted", tui.Window.Input.Text);
    }
}
