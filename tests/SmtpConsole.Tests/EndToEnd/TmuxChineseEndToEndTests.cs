namespace SmtpConsole.Tests.EndToEnd;

/// <summary>
/// Issue 18 in a real terminal: with <c>LANG=zh_CN.UTF-8</c> the console opens with the practice server's banner and
/// the key bar in Chinese, at 120 and at 80 columns, while SMTP on the wire stays English; with <c>LANG=C</c> it
/// stays English. Runs the binary named by SMTPCONSOLE_E2E_BINARY (the AOT build) when set.
/// </summary>
public sealed class TmuxChineseEndToEndTests : IDisposable
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(20);
    private readonly string _data = Path.Combine(Path.GetTempPath(), "smtpconsole-e2e", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_data)) Directory.Delete(_data, recursive: true);
    }

    private TmuxSession Start(string lang)
    {
        Assert.True(TmuxSession.IsAvailable(), "tmux is required for the end-to-end tests: apt-get install -y tmux");
        Directory.CreateDirectory(_data);
        return TmuxSession.Start(ConsoleBinary.Command() + "; echo EXIT=$?; sleep 60", width: 120, height: 35, environment: new Dictionary<string, string>
        {
            ["SMTPCONSOLE_DATA_DIR"] = _data,
            ["TERM"] = "xterm-256color",
            ["LANG"] = lang,
            ["LC_ALL"] = string.Empty, // empty counts as unset: LANG decides
            ["LC_MESSAGES"] = string.Empty,
            ["SMTPCONSOLE_LANG"] = string.Empty,
        });
    }

    private static string BottomRow(string screen) => screen.TrimEnd('\n').Split('\n')[^1];

    [Fact]
    public void ZhCnLocale_ShowsTheBannerAndKeyBarInChinese_At120And80Columns()
    {
        using var tmux = Start("zh_CN.UTF-8");
        tmux.WaitForText("S: 220 practice.smtpconsole.test", TimeSpan.FromSeconds(60));
        string screen = tmux.WaitForText("练习服务器：", Step);
        Assert.Contains("EHLO me -> /starttls", screen, StringComparison.Ordinal);
        Assert.True(tmux.WaitUntil(s => BottomRow(s).Contains("^Q", StringComparison.Ordinal), Step), "no key bar:\n" + tmux.Capture());
        string keys = BottomRow(tmux.Capture());
        Assert.Contains("F1 帮助", keys, StringComparison.Ordinal);
        Assert.Contains("F10 收件箱", keys, StringComparison.Ordinal);
        Assert.Contains("^Q 退出", keys, StringComparison.Ordinal);

        tmux.SendLine("EHLO me.example");
        tmux.WaitForText("250-STARTTLS", Step); // the wire is never translated

        tmux.Resize(80, 30);
        // At 80 columns the bar switches to the short labels ("F10 收件") and still ends with the quit key.
        Assert.True(tmux.WaitUntil(s => BottomRow(s).Contains("F10 收件 ", StringComparison.Ordinal) && BottomRow(s).TrimEnd().EndsWith("^Q 退出", StringComparison.Ordinal), Step),
            "the Chinese key bar did not fit 80 columns:\n" + tmux.Capture());
        string narrow = BottomRow(tmux.Capture());
        Assert.StartsWith("F1 帮助", narrow, StringComparison.Ordinal);
        Assert.True(Core.Messages.TerminalText.Columns(narrow.TrimEnd()) <= 80, narrow);

        tmux.SendKeys("C-q");
        tmux.WaitForText("EXIT=0", Step);
    }

    [Fact]
    public void CLocale_KeepsTheEnglishChrome()
    {
        using var tmux = Start("C");
        tmux.WaitForText("Practice server: a realistic ESMTP server", TimeSpan.FromSeconds(60));
        // tmux may show a frame still being drawn (transcript done, key bar not yet): wait for the bar itself.
        Assert.True(tmux.WaitUntil(s => BottomRow(s).Contains("^Q", StringComparison.Ordinal), Step), "no key bar:\n" + tmux.Capture());
        string keys = BottomRow(tmux.Capture());
        Assert.Contains("F1 Help", keys, StringComparison.Ordinal);
        Assert.Contains("^Q Quit", keys, StringComparison.Ordinal);
        tmux.SendKeys("C-q");
        tmux.WaitForText("EXIT=0", Step);
    }
}
