namespace SmtpConsole.Tests.EndToEnd;

/// <summary>
/// <c>/help</c> in a real terminal with <c>LANG=zh_CN.UTF-8</c>: the explanations are Chinese and name the 授权码,
/// the command syntax is untouched, and the F1 help screen lists the helpers in Chinese. Runs the binary named by
/// SMTPCONSOLE_E2E_BINARY (the AOT build) when set.
/// </summary>
public sealed class TmuxChineseHelpEndToEndTests : IDisposable
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(20);
    private readonly string _data = Path.Combine(Path.GetTempPath(), "smtpconsole-e2e", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_data)) Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public void HelpAuthAndF1_InAChineseLocale_AreChinese()
    {
        Assert.True(TmuxSession.IsAvailable(), "tmux is required for the end-to-end tests: apt-get install -y tmux");
        Directory.CreateDirectory(_data);
        using var tmux = TmuxSession.Start(ConsoleBinary.Command() + "; echo EXIT=$?; sleep 60", width: 120, height: 40, environment: new Dictionary<string, string>
        {
            ["SMTPCONSOLE_DATA_DIR"] = _data,
            ["TERM"] = "xterm-256color",
            ["LANG"] = "zh_CN.UTF-8",
            ["LC_ALL"] = string.Empty,
            ["LC_MESSAGES"] = string.Empty,
            ["SMTPCONSOLE_LANG"] = string.Empty,
        });
        tmux.WaitForText("S: 220 practice.smtpconsole.test", TimeSpan.FromSeconds(60));

        tmux.SendLine("/help auth");
        string screen = tmux.WaitForText("授权码", Step);
        Assert.Contains("/auth login USER：发送 AUTH LOGIN", screen, StringComparison.Ordinal);
        Assert.DoesNotContain("Leave out the secret", screen, StringComparison.Ordinal);

        tmux.SendKeys("F1");
        string help = tmux.WaitForText("升级为 TLS 加密连接", Step);
        Assert.Contains("/starttls", help, StringComparison.Ordinal);
        Assert.DoesNotContain("(upgrade to TLS", help, StringComparison.Ordinal);
        tmux.SendKeys("Escape");
        Assert.True(tmux.WaitUntil(s => !s.Contains("升级为 TLS 加密连接", StringComparison.Ordinal), Step), "the help screen did not close:\n" + tmux.Capture());

        tmux.SendKeys("C-q");
        tmux.WaitForText("EXIT=0", Step);
    }
}
