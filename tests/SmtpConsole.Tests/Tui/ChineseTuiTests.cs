using SmtpConsole.Cli;
using SmtpConsole.Core.Messages;
using SmtpConsole.PracticeServer;
using SmtpConsole.Tests.Support;
using SmtpConsole.Tui;

namespace SmtpConsole.Tests.Tui;

/// <summary>
/// Issue 18: the TUI's chrome in Chinese (key bar, status line, practice banner, remedy hints, F1), sized in terminal
/// columns (a CJK character takes two); English unchanged when the locale says English or C.
/// </summary>
public sealed class ChineseTuiTests
{
    private static ConsoleHostOptions Chinese(ConsoleHostOptions o) => o with { Language = UiLanguage.SimplifiedChinese };

    private static UiLanguage FromLang(string lang) =>
        UiLanguageResolver.Resolve(null, null, name => name == "LANG" ? lang : null);

    [Theory]
    [InlineData(80)]
    [InlineData(120)]
    public void KeyBarAndStatus_AreChinese_AndFitTheWidth(int width)
    {
        using var tui = TuiHarness.Start(width: width, height: 20, writeLog: false, configure: Chinese);
        string bottom = tui.ScreenLines()[19];
        Assert.Contains("F1 帮助", bottom, StringComparison.Ordinal);
        Assert.Contains("F2 连接", bottom, StringComparison.Ordinal);
        Assert.Contains("^Q 退出", bottom, StringComparison.Ordinal);
        Assert.DoesNotContain("Help", bottom, StringComparison.Ordinal);
        Assert.True(TextColumns.Of(bottom.TrimEnd()) <= width, $"key bar takes {TextColumns.Of(bottom.TrimEnd())} columns at {width}: {bottom}");
        if (width >= 120) Assert.Contains("F10 收件箱", bottom, StringComparison.Ordinal);
        Assert.Contains("未连接", tui.Window.Status.ShownText, StringComparison.Ordinal);
        Assert.Contains(" Tab 补全 · ↑↓ 历史记录", tui.Window.ModeLine.ShownText, StringComparison.Ordinal);
    }

    [Fact]
    public void ModeLineConstants_AreTheCatalogueEnglish()
    {
        Assert.Equal(ModeLine.IdleHint, MessageCatalog.Get("Tui.Mode.IdleHint", UiLanguage.English));
        Assert.Equal(ModeLine.BodyLabel, MessageCatalog.Get("Tui.Mode.Body", UiLanguage.English));
    }

    [Theory]
    [InlineData(60)]
    [InlineData(80)]
    public void KeyBar_InChinese_KeepsQuitAtTheRightEdge_InColumns(int width)
    {
        using var tui = TuiHarness.Start(width: width, height: 20, writeLog: false, configure: Chinese);
        string row = tui.Window.Keys.TextFor(width);
        Assert.Equal(width, TextColumns.Of(row));
        Assert.EndsWith("^Q 退出", row, StringComparison.Ordinal);
        Assert.StartsWith("F1 帮助", row, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(80)]
    [InlineData(120)]
    public async Task PracticeBanner_IsChinese_OnScreen(int width)
    {
        await using var server = await PracticeSmtpServer.StartAsync(new PracticeServerOptions(), CancellationToken.None);
        using var tui = TuiHarness.Start(width: width, height: 30, writeLog: false, configure: Chinese);
        foreach (var line in PracticeBannerText.Lines(server, UiLanguage.SimplifiedChinese)) tui.Host.Recorder.Info(line);
        tui.WaitForText("练习服务器：");
        string screen = tui.Screen();
        Assert.Contains("EHLO me -> /starttls", screen, StringComparison.Ordinal); // protocol words and commands stay as typed
        Assert.Contains("/connect HOST [PORT]", screen, StringComparison.Ordinal);
        Assert.All(tui.ScreenLines(), l => Assert.True(TextColumns.Of(l) <= width, $"a row is wider than {width} columns: {l}"));
    }

    [Fact]
    public async Task PracticeBanner_EnglishCatalogueText_IsTheServersOwnBanner()
    {
        await using var server = await PracticeSmtpServer.StartAsync(new PracticeServerOptions(), CancellationToken.None);
        Assert.Equal(PracticeBanner.Lines(server), PracticeBannerText.Lines(server, UiLanguage.English));
    }

    [Fact]
    public void WrappedChineseRemedyHint_ContinuesUnderItsText()
    {
        const int width = 50;
        using var tui = TuiHarness.Start(width: width, height: 24, writeLog: false, configure: Chinese);
        tui.Host.Recorder.Error("AUTH refused", Remedy.UseStartTls);
        tui.WaitForText("怎么办：");
        var lines = tui.ScreenLines();
        int first = Array.FindIndex(lines, l => l.Contains("怎么办：", StringComparison.Ordinal));
        string firstLine = lines[first];
        int textColumn = TextColumns.Of(firstLine[..firstLine.IndexOf("怎么办", StringComparison.Ordinal)]);
        string next = lines[first + 1];
        Assert.True(TextColumns.Of(firstLine.TrimEnd()) <= width && TextColumns.Of(next.TrimEnd()) <= width);
        Assert.False(string.IsNullOrWhiteSpace(next), "the Chinese hint should wrap at 50 columns:\n" + string.Join('\n', lines));
        int continuation = next.Length - next.TrimStart().Length; // leading spaces are one column each
        Assert.Equal(textColumn, continuation);
        string joined = firstLine[firstLine.IndexOf("怎么办", StringComparison.Ordinal)..].TrimEnd() + next.Trim();
        Assert.StartsWith("怎么办：输入 /starttls", joined, StringComparison.Ordinal);
        Assert.Contains("/starttls", joined, StringComparison.Ordinal);
    }

    [Fact]
    public void WrappedChineseHint_AtTheBottomOfAFullTranscript_IsScrolledIntoView()
    {
        // The row count of a wrapped row once trusted UTF-16 length: a Chinese hint shorter than the width in
        // characters but wider in columns wrapped below the screen, so following the output never showed it.
        using var tui = TuiHarness.Start(width: 60, height: 16, writeLog: false, configure: Chinese);
        for (int i = 0; i < 30; i++) tui.Host.Recorder.Info("line " + i);
        tui.Host.Recorder.Error("AUTH refused", Remedy.UseStartTls);
        tui.WaitForText("AUTH refused");
        var lines = tui.ScreenLines();
        int hint = Array.FindIndex(lines, l => l.Contains("怎么办：", StringComparison.Ordinal));
        Assert.True(hint >= 0, "the Chinese hint is not on screen:\n" + string.Join('\n', lines));
        Assert.Contains("回答", lines[hint + 1], StringComparison.Ordinal); // its wrapped tail too
    }

    [Fact]
    public void F1Help_ListsTheKeysInChinese_Aligned()
    {
        using var tui = TuiHarness.Start(width: 140, height: 50, writeLog: false, configure: Chinese);
        tui.Press(KeyMap.Help);
        tui.WaitForText("按键");
        var lines = tui.ScreenLines();
        Assert.Contains(lines, l => l.Contains("│命令", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Esc 关闭 · PgUp/PgDn 滚动", StringComparison.Ordinal));
        string up = lines.First(l => l.Contains("上 / 下", StringComparison.Ordinal));
        string f1 = lines.First(l => l.Contains("本帮助", StringComparison.Ordinal));
        // The action column starts at the same terminal column whatever the key's width in columns.
        Assert.Equal(TextColumns.Of(f1[..f1.IndexOf("本帮助", StringComparison.Ordinal)]), TextColumns.Of(up[..up.IndexOf("历史记录", StringComparison.Ordinal)]));
    }

    [Fact]
    public void InputCursor_IsAfterMixedChineseAndAsciiText()
    {
        using var tui = TuiHarness.Start(width: 80, height: 20, writeLog: false, configure: Chinese);
        tui.Type("MAIL FROM:<张三@例子.cn>");
        tui.Screen();
        var cursor = tui.Window.Input.Cursor.Position;
        Assert.NotNull(cursor);
        // Screen coordinates: the prompt, then one column per ASCII character and two per CJK character.
        Assert.Equal(PromptView.PromptWidth + TextColumns.Of("MAIL FROM:<张三@例子.cn>"), cursor!.Value.X);
        Assert.Equal(PromptView.PromptWidth + 16 + 4 * 2, cursor.Value.X); // 16 ASCII characters, 4 CJK ones
    }

    [Theory]
    [InlineData("en_US.UTF-8")]
    [InlineData("C")]
    public void EnglishLocale_KeepsTheEnglishChrome(string lang)
    {
        var language = FromLang(lang);
        Assert.Equal(UiLanguage.English, language);
        using var tui = TuiHarness.Start(width: 80, height: 20, writeLog: false, configure: o => o with { Language = language });
        string bottom = tui.ScreenLines()[19];
        Assert.Contains("F1 Help", bottom, StringComparison.Ordinal);
        Assert.Contains("^Q Quit", bottom, StringComparison.Ordinal);
        Assert.Contains("not connected", tui.Window.Status.ShownText, StringComparison.Ordinal);
        tui.Host.Recorder.Error("AUTH refused", Remedy.UseStartTls);
        tui.WaitForText("what to do: type /starttls");
    }

    [Fact]
    public void ChineseLocale_ResolvesToChinese() => Assert.Equal(UiLanguage.SimplifiedChinese, FromLang("zh_CN.UTF-8"));
}
