using SmtpConsole.Core.Scripts;
using SmtpConsole.Tests.Support;
using SmtpConsole.Tui;
using Terminal.Gui.Input;

namespace SmtpConsole.Tests.Tui;

public sealed class SaveAndScriptTests
{
    [Fact]
    public void F7_SavesAReplayableRedactedTranscript()
    {
        using var server = ScriptedSmtpServer.Start("220 scripted.test ESMTP", "250 hello", "250 ok");
        using var tui = TuiHarness.Start(width: 120);
        tui.Connect(server);
        tui.Submit("EHLO me");
        tui.Submit("MAIL FROM:<a@b.example>");
        tui.WaitIdle();
        string path = Path.Combine(tui.DataDirectory, "saved.txt");

        tui.Press(Key.F7);
        var panel = Assert.IsType<SavePanel>(tui.Window.TopPanel);
        panel.Path.Text = path;
        tui.Press(Key.Enter);

        tui.WaitForText("saved ");
        string text = File.ReadAllText(path);
        Assert.Contains("C: EHLO me", text);
        Assert.Contains("S: 250 hello", text);
        Assert.Contains("# >> /connect 127.0.0.1", text);
        var script = ScriptReader.Read(text, path);
        Assert.True(script.IsTranscript);
        Assert.Contains(script.Lines, l => l.Text == "MAIL FROM:<a@b.example>");
    }

    [Fact]
    public void F8_OpensAScript_AndStepsThroughItOneLineAtATime()
    {
        using var server = ScriptedSmtpServer.Start("220 scripted.test ESMTP", "250 hello", "250 noop");
        using var tui = TuiHarness.Start(width: 120);
        tui.Connect(server);
        string path = Path.Combine(tui.DataDirectory, "steps.txt");
        File.WriteAllLines(path, ["EHLO ${NAME}", "/expect 250", "NOOP"]);
        Environment.SetEnvironmentVariable("SMTPCONSOLE_NAME", "from-env.example");
        try
        {
            tui.Press(Key.F8);
            var panel = Assert.IsType<ScriptPanel>(tui.Window.TopPanel);
            panel.Path.Text = path;
            tui.Press(Key.Enter);
            Assert.True(tui.WaitUntil(() => tui.Window.ModeLine.Script?.Contains("1/3", StringComparison.Ordinal) == true), "the script should be loaded");

            tui.Press(Key.F8);
            tui.WaitForText("S: 250 hello");
            tui.WaitIdle();
            Assert.Equal(["EHLO from-env.example"], server.Commands);
            // One F8 runs a step with the /expect attached to it (docs/scripts.md), so the next is line 3.
            Assert.True(tui.WaitUntil(() => tui.Window.ModeLine.Script?.Contains("3/3", StringComparison.Ordinal) == true), tui.Window.ModeLine.Script);

            tui.Press(Key.F8.WithShift);
            tui.WaitForText("script steps.txt: done");
            Assert.Equal(["EHLO from-env.example", "NOOP"], server.Commands);
            Assert.DoesNotContain("EHLO from-env.example", tui.Host.History.Snapshot());
        }
        finally
        {
            Environment.SetEnvironmentVariable("SMTPCONSOLE_NAME", null);
        }
    }

    /// <summary>A script stopped by a failed expectation says so in the console's language (it was an English literal).</summary>
    [Theory]
    [InlineData(Core.Messages.UiLanguage.English, "script stop.txt stopped: ")]
    [InlineData(Core.Messages.UiLanguage.SimplifiedChinese, "脚本 stop.txt 已停止：")]
    public void F8_AFailedExpectation_StopsTheScript_InTheConsolesLanguage(Core.Messages.UiLanguage language, string stopped)
    {
        using var speak = Core.Messages.CoreMessages.Speak(language);
        using var server = ScriptedSmtpServer.Start("220 scripted.test ESMTP", "550 5.7.1 no");
        using var tui = TuiHarness.Start(width: 120, configure: o => o with { Language = language });
        tui.Connect(server);
        string path = Path.Combine(tui.DataDirectory, "stop.txt");
        File.WriteAllLines(path, ["EHLO me.example", "/expect 250", "NOOP"]);
        tui.Press(Key.F8);
        var panel = tui.WaitForPanel<ScriptPanel>();
        panel.Path.Text = path;
        tui.Press(Key.Enter);
        Assert.True(tui.WaitUntil(() => tui.Window.ModeLine.Script?.Contains("1/3", StringComparison.Ordinal) == true), "the script should be loaded");
        tui.Press(Key.F8.WithShift);
        tui.WaitForText(stopped);
        Assert.Equal(["EHLO me.example"], server.Commands);
    }

    [Fact]
    public void F8_AVariableLeftUnanswered_IsWordedForTheConsole_NotWithReplaysFlags()
    {
        using var tui = TuiHarness.Start(width: 160, writeLog: false);
        string path = Path.Combine(tui.DataDirectory, "needs.txt");
        File.WriteAllLines(path, ["EHLO ${UNSET_ARCH_NAME}"]);
        tui.Press(Key.F8);
        var panel = tui.WaitForPanel<ScriptPanel>();
        panel.Path.Text = path;
        tui.Press(Key.Enter);
        tui.WaitForPanel<SecretPromptPanel>();
        tui.Press(Key.Esc);

        tui.WaitForText("no value for UNSET_ARCH_NAME: give a value when the console asks, or set SMTPCONSOLE_UNSET_ARCH_NAME");
        Assert.DoesNotContain("--var", tui.Screen());
    }

    [Fact]
    public void F1_ShowsHelpersAndKeys()
    {
        using var tui = TuiHarness.Start(writeLog: false);
        tui.Press(Key.F1);
        var panel = Assert.IsType<TextPanel>(tui.Window.TopPanel);
        Assert.Contains("/auth login", panel.Content.AllText);
        Assert.Contains("Ctrl+R", panel.Content.AllText);
        tui.Press(Key.Esc);
        Assert.Null(tui.Window.TopPanel);
        Assert.True(tui.Window.Input.HasFocus);
    }

    [Fact]
    public void F2_ConnectDialog_RunsAConnectLine()
    {
        using var server = ScriptedSmtpServer.Start("220 scripted.test ESMTP");
        using var tui = TuiHarness.Start();
        tui.Press(Key.F2);
        var panel = Assert.IsType<ConnectPanel>(tui.Window.TopPanel);
        panel.Host.Text = "127.0.0.1";
        panel.Port.Text = server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        panel.Security.Selected = 0;
        Assert.Equal($"/connect 127.0.0.1 {server.Port} --plain", panel.CommandLine());
        tui.Press(Key.Enter);

        tui.WaitForText("S: 220 scripted.test");
        Assert.Contains($"/connect 127.0.0.1 {server.Port} --plain", tui.Host.History.Snapshot());
    }

    [Fact]
    public void F2_ProfileField_CompletesNames_AndAProfileBringsItsOwnSettings()
    {
        using var tui = TuiHarness.Start(writeLog: false, configure: o => o with { ProfileNames = () => ["gmail", "gmail-465", "local"] });
        tui.Press(Key.F2);
        var panel = Assert.IsType<ConnectPanel>(tui.Window.TopPanel);

        tui.Type("loc");
        tui.Press(Key.Tab);

        Assert.Equal("/connect local", panel.CommandLine());
        tui.Press(Key.Esc);
        Assert.Null(tui.Window.TopPanel);
        Assert.True(tui.Host.Controller.IsIdle);
    }
}
