using SmtpConsole.IntegrationTests.Support;

namespace SmtpConsole.IntegrationTests.Cli;

/// <summary>
/// The real <c>smtpconsole</c> process speaking Chinese on the command line: help headings and descriptions, the
/// library's parse errors and our own usage errors; English unchanged under <c>LANG=C</c> (no servers needed).
/// </summary>
public class ChineseCliTests
{
    private static readonly Dictionary<string, string> Chinese = Locale("zh_CN.UTF-8");
    private static readonly Dictionary<string, string> Posix = Locale("C");

    [Fact]
    public async Task RootHelp_WithLangZhCn_HasChineseHeadingsAndDescriptions()
    {
        var r = await AppProcess.RunAsync(["--lang", "zh-CN", "--help"], environment: Posix);
        Assert.True(r.ExitCode == 0, r.StandardError);
        var lines = r.StandardOutput.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        foreach (string heading in new[] { "说明：", "用法：", "参数：", "选项：", "命令：" }) Assert.Contains(heading, lines);
        foreach (string heading in new[] { "Description:", "Usage:", "Arguments:", "Options:", "Commands:" }) Assert.DoesNotContain(heading, lines);
        Assert.Contains(lines, l => l.TrimStart().StartsWith("--starttls", StringComparison.Ordinal) && l.Contains("收到欢迎信息后立即发送 EHLO 和 STARTTLS", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.TrimStart().StartsWith("-?, -h, --help", StringComparison.Ordinal) && l.EndsWith("显示帮助和用法", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.TrimStart().StartsWith("--version", StringComparison.Ordinal) && l.EndsWith("显示版本信息", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.TrimStart().StartsWith("<HOST>", StringComparison.Ordinal) && l.Contains("要连接的服务器", StringComparison.Ordinal));
        // Option names and the usage line are syntax: unchanged.
        Assert.Contains("  smtpconsole [<HOST> [<PORT>]] [options]", lines);
        Assert.DoesNotContain(lines, l => l.Contains("Show help and usage information", StringComparison.Ordinal) || l.Contains("Server host name", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReplayHelp_FromTheLocale_IsChinese()
    {
        var r = await AppProcess.RunAsync(["replay", "--help"], environment: Chinese);
        Assert.True(r.ExitCode == 0, r.StandardError);
        Assert.Contains("用法：\n  smtpconsole replay <SCRIPT> [<HOST> [<PORT>]] [options]", r.StandardOutput.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("<SCRIPT>  要执行的脚本或保存下来的会话记录", r.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("预期未满足时继续执行", r.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("为脚本中的 ${NAME} 赋值", r.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("Continue after a failed expectation", r.StandardOutput, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("replay --help")]
    [InlineData("doctor --help")]
    [InlineData("profiles show --help")]
    [InlineData("practice --help")]
    public async Task EveryHelp_InChinese_LeavesNoEnglishDescription(string command)
    {
        var r = await AppProcess.RunAsync(command.Split(' '), environment: Chinese);
        Assert.True(r.ExitCode == 0, r.StandardError);
        // A description row: "  --name <value>   text" or "  <ARG>  text"; its text must not be an English sentence.
        var rows = r.StandardOutput.Split('\n').Where(l => l.StartsWith("  -", StringComparison.Ordinal) || l.StartsWith("  <", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, row => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", row));
    }

    [Fact]
    public async Task Help_UnderLangC_IsTheEnglishOfBefore()
    {
        var r = await AppProcess.RunAsync(["replay", "--help"], environment: Posix);
        Assert.True(r.ExitCode == 0, r.StandardError);
        Assert.StartsWith("Description:\n", r.StandardOutput.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("  --keep-going", r.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Continue after a failed expectation", r.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Show help and usage information", r.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\p{IsCJKUnifiedIdeographs}", r.StandardOutput);
    }

    [Theory]
    [InlineData("profiles shw", "无法识别的命令或参数 'shw'。")]
    [InlineData("replay", "命令 'replay' 缺少必需的参数 SCRIPT。")]
    [InlineData("doctor --timeout soon host.example", "选项 --timeout 的值 'soon' 无效：应为数字。")]
    [InlineData("doctor --user", "选项 --user 缺少值。")]
    public async Task ParseErrors_InChinese_AreOneLineInWords(string command, string expected)
    {
        var r = await AppProcess.RunAsync(command.Split(' '), environment: Chinese);
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("smtpconsole：" + expected, r.StandardError.Split('\n')[0].TrimEnd('\r'));
        Assert.DoesNotContain("System.", r.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParseErrors_UnderLangC_AreTheLibrarysEnglish()
    {
        var r = await AppProcess.RunAsync(["profiles", "shw"], environment: Posix);
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("smtpconsole: Unrecognized command or argument 'shw'.", r.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("replay no-such-script.txt 127.0.0.1", "smtpconsole replay: 脚本 no-such-script.txt：文件不存在")]
    [InlineData("doctor", "smtpconsole doctor: doctor 需要一个诊断目标：smtpconsole doctor HOST [PORT] [--starttls|--tls]，或 --profile NAME")]
    [InlineData("practice --port 70000", "smtpconsole practice: --port 必须在 0-65535 之间")]
    [InlineData("--tls --plain 127.0.0.1", "smtpconsole: --tls、--starttls、--plain 只能选一个")]
    [InlineData("profiles show qqq", "smtpconsole profiles: 没有名为 'qqq' 的配置；你是不是要找 qq？（运行 'smtpconsole profiles' 可列出所有配置）")]
    public async Task OurUsageErrors_InChinese(string command, string expected)
    {
        var r = await AppProcess.RunAsync(command.Split(' '), environment: Chinese);
        Assert.Equal(2, r.ExitCode);
        Assert.Equal(expected, r.StandardError.Split('\n')[0].TrimEnd('\r'));
    }

    [Fact]
    public async Task Explain_LikelyCause_InChinese_ButJsonKeepsTheEnglish()
    {
        string[] args = ["explain", "--after", "RCPT", "503 5.5.1 Error: need MAIL command"];
        var text = await AppProcess.RunAsync(args, environment: Chinese);
        Assert.True(text.ExitCode == 0, text.StandardError);
        Assert.StartsWith("可能的原因：缺少 MAIL FROM", text.StandardOutput, StringComparison.Ordinal);

        var json = await AppProcess.RunAsync([.. args, "--json"], environment: Chinese);
        Assert.Contains("\"text\": \"MAIL FROM is missing", json.StandardOutput, StringComparison.Ordinal);

        var english = await AppProcess.RunAsync(args, environment: Posix);
        Assert.StartsWith("Likely cause: MAIL FROM is missing", english.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProfilesShowJson_KeepsTheEnglish_AndAddsTheChineseAlongside_InEveryLanguage()
    {
        var chinese = await AppProcess.RunAsync(["profiles", "show", "qq", "--json"], environment: Chinese);
        var english = await AppProcess.RunAsync(["profiles", "show", "qq", "--json"], environment: Posix);
        Assert.True(chinese.ExitCode == 0, chinese.StandardError);
        Assert.Equal(english.StandardOutput, chinese.StandardOutput);
        using var document = System.Text.Json.JsonDocument.Parse(chinese.StandardOutput);
        var root = document.RootElement;
        Assert.Equal("QQ Mail (@qq.com): implicit TLS on 465", root.GetProperty("description").GetString());
        Assert.StartsWith("QQ Mail: the password is the 16-character authorization code", root.GetProperty("notes").GetProperty("connect")[0].GetString(), StringComparison.Ordinal);
        var zh = root.GetProperty("zh-CN");
        Assert.Equal("QQ 邮箱（@qq.com）：465 端口，隐式 TLS", zh.GetProperty("description").GetString());
        Assert.Contains("授权码", zh.GetProperty("notes").GetProperty("connect")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(root.GetProperty("notes").GetProperty("failure").GetArrayLength(), zh.GetProperty("notes").GetProperty("failure").GetArrayLength());
        Assert.Contains(root.GetProperty("fields").EnumerateArray(), f => f.GetProperty("field").GetString() == "host" && f.GetProperty("value").GetString() == "smtp.qq.com");
        Assert.DoesNotContain(root.GetProperty("fields").EnumerateArray(), f => f.GetProperty("field").GetString()!.StartsWith("notes", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ProfilesShowQq_WithLangZhCn_NamesTheAuthorizationCode()
    {
        var r = await AppProcess.RunAsync(["profiles", "show", "qq", "--lang", "zh-CN"], environment: Posix);
        Assert.True(r.ExitCode == 0, r.StandardError);
        Assert.StartsWith("配置 qq：QQ 邮箱（@qq.com）：465 端口，隐式 TLS", r.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("  - QQ 邮箱：密码是 16 位授权码，不是 QQ 密码。", r.StandardOutput, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Locale(string lang) => new()
    {
        ["LANG"] = lang, ["LC_ALL"] = string.Empty, ["LC_MESSAGES"] = string.Empty, ["SMTPCONSOLE_LANG"] = string.Empty,
    };
}
