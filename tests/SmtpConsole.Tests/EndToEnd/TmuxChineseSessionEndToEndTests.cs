namespace SmtpConsole.Tests.EndToEnd;

/// <summary>
/// Issue 18, part A, in a real terminal against the practice server: with <c>LANG=zh_CN.UTF-8</c> the session's own
/// lines (connecting, connected, TLS, certificate) and the status line's phase are Chinese and the exit summary too,
/// while the C:/S: lines stay exactly as sent; with <c>LANG=C</c> and <c>LANG=en_US.UTF-8</c> they are the English
/// they always were. Runs the binary named by SMTPCONSOLE_E2E_BINARY (the AOT build) when set.
/// </summary>
public sealed class TmuxChineseSessionEndToEndTests : IDisposable
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(20);
    private readonly string _root = Path.Combine(Path.GetTempPath(), "smtpconsole-e2e", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private TmuxSession Start(string lang, int width)
    {
        Assert.True(TmuxSession.IsAvailable(), "tmux is required for the end-to-end tests: apt-get install -y tmux");
        Directory.CreateDirectory(Path.Combine(_root, "data"));
        return TmuxSession.Start(ConsoleBinary.Command() + "; echo EXIT=$?; sleep 60", width: width, height: 35, environment: new Dictionary<string, string>
        {
            ["SMTPCONSOLE_DATA_DIR"] = Path.Combine(_root, "data"),
            ["XDG_CONFIG_HOME"] = Path.Combine(_root, "config"), // no user config.json pins anything
            ["TERM"] = "xterm-256color",
            ["LANG"] = lang,
            ["LC_ALL"] = string.Empty,
            ["LC_MESSAGES"] = string.Empty,
            ["SMTPCONSOLE_LANG"] = string.Empty,
        });
    }

    /// <summary>
    /// The status row (second from the bottom, above the key bar), or "" while tmux shows a frame still being drawn (so a
    /// wait retries). At 80 columns it may start with the target instead of " smtpconsole": the name gives way first.
    /// </summary>
    private static string StatusRow(string screen)
    {
        string[] rows = screen.TrimEnd('\n').Split('\n');
        return rows.Length >= 2 && rows[^2].Contains(" │ ", StringComparison.Ordinal) ? rows[^2] : string.Empty;
    }

    [Theory]
    [InlineData(120)]
    [InlineData(80)]
    public void ZhCnLocale_SessionLinesStatusAndExitSummary_AreChinese(int width)
    {
        using var tmux = Start("zh_CN.UTF-8", width);
        tmux.WaitForText("S: 220 practice.smtpconsole.test", TimeSpan.FromSeconds(60));
        string screen = tmux.WaitForText("已连接到 127.0.0.1:", Step);
        Assert.Contains("正在连接 127.0.0.1:", screen, StringComparison.Ordinal);
        Assert.True(tmux.WaitUntil(s => StatusRow(s).Contains("已收到欢迎", StringComparison.Ordinal), Step), "status line:\n" + tmux.Capture());
        Assert.DoesNotContain("connecting to", screen, StringComparison.Ordinal);

        tmux.SendLine("EHLO me.example");
        tmux.WaitForText("250-STARTTLS", Step);
        tmux.SendLine("/starttls");
        tmux.WaitForText("TLS 加密连接已建立：", Step);
        screen = tmux.WaitForText("证书验证通过（信任来源：内置练习服务器的固定证书）", Step);
        Assert.Contains("C: STARTTLS", screen, StringComparison.Ordinal); // the wire is never translated
        Assert.True(tmux.WaitUntil(s => StatusRow(s).Contains("TLSv1.", StringComparison.Ordinal), Step), "status line:\n" + tmux.Capture());
        string status = StatusRow(tmux.Capture());
        Assert.True(Core.Messages.TerminalText.Columns(status.TrimEnd()) <= width, $"the status line is wider than {width} columns: {status}");
        Assert.DoesNotContain('\uFFFD', status);
        Assert.Contains(" │ TLS 待 EHLO", status, StringComparison.Ordinal); // the phase stays whole at 80 columns too

        tmux.SendKeys("C-q");
        screen = tmux.WaitForText("EXIT=0", Step);
        Assert.Contains("smtpconsole：127.0.0.1:", screen, StringComparison.Ordinal);
        Assert.Contains("退出方式：Ctrl+Q", screen, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("C")]
    [InlineData("en_US.UTF-8")]
    public void EnglishLocales_KeepTheEnglishSessionLines(string lang)
    {
        using var tmux = Start(lang, 120);
        tmux.WaitForText("S: 220 practice.smtpconsole.test", TimeSpan.FromSeconds(60));
        string screen = tmux.WaitForText("connected to 127.0.0.1:", Step);
        Assert.Contains("connecting to 127.0.0.1:", screen, StringComparison.Ordinal);
        Assert.True(tmux.WaitUntil(s => StatusRow(s).Contains("Greeted", StringComparison.Ordinal), Step), "status line:\n" + tmux.Capture());
        tmux.SendLine("EHLO me.example");
        tmux.WaitForText("250-STARTTLS", Step);
        tmux.SendLine("/starttls");
        tmux.WaitForText("TLS established: TLSv1.", Step);
        tmux.WaitForText("certificate verified (trusted via pinned certificate of the built-in practice server)", Step);
        tmux.SendKeys("C-q");
        screen = tmux.WaitForText("EXIT=0", Step);
        Assert.Contains("exit: Ctrl+Q", screen, StringComparison.Ordinal);
    }
}
