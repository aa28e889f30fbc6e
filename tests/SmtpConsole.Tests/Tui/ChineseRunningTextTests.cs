using SmtpConsole.Core.Messages;
using SmtpConsole.Core.Session;
using SmtpConsole.Tests.Support;
using SmtpConsole.Tui;

namespace SmtpConsole.Tests.Tui;

/// <summary>
/// Issue 18, part A: what changes while a session runs is Chinese too — the engine's connection and TLS lines, the
/// status line's phase, the upload progress bar, the F3 details, the F4 class line and the exit summary — laid out in
/// terminal columns (no row wider than the screen, no wide glyph cut in half); English unchanged without it.
/// </summary>
public sealed class ChineseRunningTextTests
{
    private static ConsoleHostOptions Chinese(ConsoleHostOptions o) => o with { Language = UiLanguage.SimplifiedChinese };

    [Theory]
    [InlineData(80)]
    [InlineData(120)]
    public void ConnectionLines_AndStatusPhase_AreChinese_AndTheStatusRowFits(int width)
    {
        // The TUI sets the engine's language for the process; a test scopes it to its own flow.
        using var chinese = CoreMessages.Speak(UiLanguage.SimplifiedChinese);
        using var server = ScriptedSmtpServer.Start(
            "220 scripted.test ESMTP",
            "250-scripted.test\n250-STARTTLS\n250 SIZE 1000",
            "220 2.0.0 Ready to start TLS",
            "250-scripted.test\n250 AUTH PLAIN",
            "221 bye");
        using var tui = TuiHarness.Start(width: width, height: 30, writeLog: false, configure: Chinese);
        tui.Connect(server, SecurityMode.StartTls, waitFor: "TLS 加密连接已建立。");
        string screen = tui.Screen();
        Assert.Contains($"正在连接 127.0.0.1:{server.Port}（STARTTLS）", screen, StringComparison.Ordinal);
        Assert.Contains($"已连接到 127.0.0.1:{server.Port}，用时", screen, StringComparison.Ordinal);
        Assert.Contains("正在与 scripted.test 进行 TLS 握手…", screen, StringComparison.Ordinal);
        Assert.Contains("证书验证通过（信任来源：内置练习服务器的固定证书）", screen, StringComparison.Ordinal);
        Assert.Contains("S: 220 2.0.0 Ready to start TLS", screen, StringComparison.Ordinal); // the wire is not translated
        Assert.True(tui.WaitUntil(() => tui.Window.Status.ShownText.Contains("TLS 待 EHLO", StringComparison.Ordinal)), tui.Window.Status.ShownText);
        AssertStatusRowFits(tui, width);

        tui.Submit("EHLO me.example");
        tui.WaitForText("250 AUTH PLAIN");
        tui.WaitIdle();
        Assert.True(tui.WaitUntil(() => tui.Window.Status.ShownText.Contains("EHLO 完成", StringComparison.Ordinal)), tui.Window.Status.ShownText);
        Assert.Contains("未认证", tui.Window.Status.ShownText, StringComparison.Ordinal);
        AssertStatusRowFits(tui, width);
    }

    [Fact]
    public void StatusPhase_InEnglish_IsTheNameItAlwaysHad()
    {
        using var server = ScriptedSmtpServer.Start("220 scripted.test ESMTP", "250 scripted.test", "221 bye");
        using var tui = TuiHarness.Start(width: 100, height: 24, writeLog: false);
        tui.Connect(server);
        Assert.True(tui.WaitUntil(() => tui.Window.Status.ShownText.Contains("│ Greeted", StringComparison.Ordinal)), tui.Window.Status.ShownText);
        Assert.Contains($"connecting to 127.0.0.1:{server.Port} (plain)", tui.Screen(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(80)]
    [InlineData(120)]
    public void UploadProgress_IsChinese_AndFitsTheModeLine(int width)
    {
        using var tui = TuiHarness.Start(width: width, height: 20, writeLog: false, configure: Chinese);
        tui.Window.ModeLine.SetProgress((1048576, 2097152));
        var lines = tui.ScreenLines();
        string row = lines.First(l => l.Contains("正在发送 [", StringComparison.Ordinal));
        Assert.Contains("正在发送 [██████████░░░░░░░░░░] 50%  1.0 / 2.0 MB", row, StringComparison.Ordinal);
        Assert.True(TextColumns.Of(row.TrimEnd()) <= width, $"{TextColumns.Of(row.TrimEnd())} columns at {width}: {row}");
        Assert.DoesNotContain('\uFFFD', row);
        Assert.Equal(" 正在发送 [█████░░░░░] 50%  1.0 / 2.0 MB ", ModeLine.ProgressText(1048576, 2097152, 10, UiLanguage.SimplifiedChinese));
        Assert.Equal(" 正在发送邮件：3.0 MB ", ModeLine.ProgressText(3 * 1048576, 0, 10, UiLanguage.SimplifiedChinese));
    }

    [Fact]
    public void F3Details_AndF4ClassLine_AreChinese()
    {
        using var chinese = CoreMessages.Speak(UiLanguage.SimplifiedChinese);
        using var server = ScriptedSmtpServer.Start("220 scripted.test ESMTP", "550 5.1.1 <nobody@scripted.test>: Recipient address rejected", "221 bye");
        using var tui = TuiHarness.Start(width: 120, height: 40, writeLog: false, configure: Chinese);
        tui.Connect(server);
        tui.Submit("RCPT TO:<nobody@scripted.test>");
        tui.WaitForText("S: 550");
        tui.WaitIdle();
        tui.Press(KeyMap.Details);
        tui.WaitForText("回复码 550：5xx 永久失败（先解决问题再重试）");
        string details = tui.Screen();
        Assert.Contains("原始字节（", details, StringComparison.Ordinal);
        Assert.Contains("增强状态码 5.1.1：", details, StringComparison.Ordinal);
        Assert.Contains("距上一事件", details, StringComparison.Ordinal);
        tui.Press(Terminal.Gui.Input.Key.Esc);
        tui.Press(KeyMap.Explain);
        tui.WaitForText("5xx 永久失败");
        Assert.DoesNotContain("5xx permanent failure", tui.Screen(), StringComparison.Ordinal);
    }

    [Fact]
    public void ExitSummary_IsChinese()
    {
        using var server = ScriptedSmtpServer.Start("220 scripted.test ESMTP", "221 bye");
        using var tui = TuiHarness.Start(width: 100, height: 24, configure: Chinese);
        tui.Connect(server);
        tui.WaitIdle();
        tui.Press(Terminal.Gui.Input.Key.Q.WithCtrl);
        Assert.True(tui.WaitUntil(() => tui.Window.StopRequested));
        var lines = tui.Window.ExitLines();
        Assert.Equal($"smtpconsole：127.0.0.1:{server.Port} · 未加密 · 未认证 · 0 封邮件被接受 · 退出方式：Ctrl+Q", lines[0]);
        Assert.Contains(lines, l => l == "会话日志：" + tui.Host.Log!.Path);
    }

    [Fact]
    public void EmptyTimeline_IsChinese_AndTheEnglishIsUnchanged()
    {
        Assert.Equal("还没有回复：服务器应答后，时间线会显示每条命令的往返耗时", Assert.Single(Timeline.Lines([], 60, UiLanguage.SimplifiedChinese)).Text);
        Assert.Equal("no replies yet: the timeline shows each command's round trip once the server answers", Assert.Single(Timeline.Lines([], 60)).Text);
    }

    [Fact]
    public void ReverseSearchAndCompletionHints_AreChinese()
    {
        using var tui = TuiHarness.Start(width: 100, height: 24, writeLog: false, configure: Chinese);
        tui.Type("/zzz");
        tui.Press(Terminal.Gui.Input.Key.Tab);
        Assert.True(tui.WaitUntil(() => tui.Window.ModeLine.Hint == "这里没有可补全的内容"), tui.Window.ModeLine.Hint);
        tui.Press(Terminal.Gui.Input.Key.Esc);
        tui.Press(Terminal.Gui.Input.Key.R.WithCtrl);
        tui.Type("qq");
        Assert.True(tui.WaitUntil(() => tui.Window.ModeLine.Hint?.StartsWith("反向搜索", StringComparison.Ordinal) == true), tui.Window.ModeLine.Hint);
        Assert.Contains("'qq'", tui.Window.ModeLine.Hint, StringComparison.Ordinal);
    }

    /// <summary>The password dialog and the activity line of a Chinese session are Chinese (the prompt was an English literal in the runner).</summary>
    [Fact]
    public void SecretPrompt_IsChinese()
    {
        using var chinese = CoreMessages.Speak(UiLanguage.SimplifiedChinese);
        using var server = ScriptedSmtpServer.Start(
            "220 scripted.test ESMTP",
            "250-scripted.test\n250-STARTTLS\n250 SIZE 1000",
            "220 2.0.0 Ready to start TLS",
            "250-scripted.test\n250 AUTH LOGIN PLAIN",
            "334 VXNlcm5hbWU6",
            "334 UGFzc3dvcmQ6",
            "235 2.7.0 Authentication successful");
        using var tui = TuiHarness.Start(width: 100, height: 30, writeLog: false, configure: Chinese);
        tui.Connect(server, SecurityMode.StartTls, waitFor: "TLS 加密连接已建立。");
        tui.Submit("EHLO me.example");
        tui.WaitForText("250 AUTH LOGIN PLAIN");
        tui.Submit("/auth login alice");
        tui.WaitForPanel<SecretPromptPanel>();
        Assert.True(tui.WaitUntil(() => tui.Screen().Contains("alice 的密码或授权码（LOGIN）", StringComparison.Ordinal)), tui.Screen());
        Assert.DoesNotContain("Secret for", tui.Screen(), StringComparison.Ordinal);
    }

    /// <summary>
    /// The drawn status row fits the width, never shows a half glyph, and keeps the phase and the user whole: what gives
    /// way first is the cipher suite, the program's name, the latency and the target (StatusLineLayout).
    /// </summary>
    private static void AssertStatusRowFits(TuiHarness tui, int width)
    {
        var status = tui.Window.Status;
        string row = tui.ScreenLines()[status.FrameToScreen().Y].TrimEnd();
        Assert.Equal(status.ShownText.TrimEnd(), row);
        Assert.True(TextColumns.Of(row) <= width, $"the status row takes {TextColumns.Of(row)} columns at {width}: {row}");
        Assert.DoesNotContain('\uFFFD', row);
        string latency = " │ " + status.Snapshot.Latency;
        string beforeLatency = status.Snapshot.Latency is not null && row.EndsWith(latency, StringComparison.Ordinal) ? row[..^latency.Length] : row;
        Assert.EndsWith("│ " + status.Snapshot.Phase, beforeLatency, StringComparison.Ordinal);
        Assert.Contains(" │ " + status.Snapshot.Auth + " │ ", row, StringComparison.Ordinal);
    }
}
