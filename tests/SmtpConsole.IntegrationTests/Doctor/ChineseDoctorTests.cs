using System.Globalization;
using System.Text.RegularExpressions;
using SmtpConsole.IntegrationTests.Infrastructure;
using SmtpConsole.IntegrationTests.Support;

namespace SmtpConsole.IntegrationTests.Doctor;

/// <summary>
/// <c>smtpconsole doctor --lang zh-CN</c> against the real Postfix: Chinese details and fixes, the same verdicts and
/// exit code as in English, the table aligned by terminal columns, and English untouched under <c>LANG=C</c>.
/// </summary>
[Collection("LocalServers")]
public partial class ChineseDoctorTests(LocalServers servers)
{
    private static readonly Dictionary<string, string> Posix = new() { ["LANG"] = "C", ["LC_ALL"] = string.Empty, ["LC_MESSAGES"] = string.Empty, ["SMTPCONSOLE_LANG"] = string.Empty };

    private Task<AppProcess.Result> DoctorAsync(string language, string password, params string[] extra) => AppProcess.RunAsync(
        ["--lang", language, "doctor", "127.0.0.1", servers.Ports.Submission.ToString(CultureInfo.InvariantCulture), "--cafile", servers.CaFile, .. extra],
        environment: new Dictionary<string, string>(Posix) { ["SMTPCONSOLE_PASSWORD"] = password });

    [Fact]
    public async Task WrongPassword_InChinese_SaysSoInChinese_WithTheSameVerdictsAndExitCode()
    {
        // A user without '@': no MX lookup, so nothing leaves the machine.
        string[] login = ["--starttls", "--user", servers.Alice.Name];
        var english = await DoctorAsync("en", "wrong", login);
        var chinese = await DoctorAsync("zh-CN", "wrong", login);

        Assert.Equal(1, english.ExitCode);
        Assert.Equal(english.ExitCode, chinese.ExitCode);
        Assert.Equal(Verdicts(english.StandardOutput, "PASS", "INFO", "WARN", "FAIL"), Verdicts(chinese.StandardOutput, "通过", "信息", "警告", "失败"));

        var lines = Lines(chinese.StandardOutput);
        string loginRow = Assert.Single(lines, l => l.StartsWith("失败  登录", StringComparison.Ordinal));
        Assert.Contains($"PLAIN（用户 {servers.Alice.Name}）：535 5.7.8", loginRow, StringComparison.Ordinal);
        // The fix under it comes from the knowledge base's Chinese text.
        string fix = lines[lines.IndexOf(loginRow) + 1];
        Assert.Matches(@"^\s+解决：.*授权码", fix);
        Assert.Contains(lines, l => l.StartsWith("通过  TCP 连接", StringComparison.Ordinal) && l.Contains($"已连接 127.0.0.1:{servers.Ports.Submission}，用时 ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("通过  TLS 之前的 EHLO", StringComparison.Ordinal) && l.Contains("无 AUTH、STARTTLS", StringComparison.Ordinal));
        Assert.Equal("1 个失败项，0 个警告", lines[^1]);
        Assert.DoesNotContain("connected to", chinese.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("Fix:", chinese.StandardOutput, StringComparison.Ordinal);

        // English is what it was.
        Assert.Contains("FAIL  Login", english.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"PLAIN as {servers.Alice.Name}: 535 5.7.8", english.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotMatch(HanPattern(), english.StandardOutput);
    }

    [Fact]
    public async Task ChineseTable_StartsEveryDetailAndFixAtTheSameTerminalColumn()
    {
        var r = await DoctorAsync("zh-CN", "wrong", "--starttls", "--user", servers.Alice.Name);
        var rows = Lines(r.StandardOutput).TakeWhile(l => l.Length > 0).ToList();
        Assert.True(rows.Count >= 8, r.StandardOutput);
        // Status (2 CJK columns each = 4) and the widest check name are padded by display width, not by string length.
        int detailColumn = DetailColumn(rows[0]);
        Assert.All(rows, row => Assert.Equal(detailColumn, DetailColumn(row)));
    }

    [Fact]
    public async Task PlainPortWithoutStartTls_SameExitCodeInBothLanguages_JsonStaysEnglish()
    {
        var english = await DoctorAsync("en", string.Empty);
        var chinese = await DoctorAsync("zh-CN", string.Empty);
        Assert.NotEqual(0, english.ExitCode);
        Assert.Equal(english.ExitCode, chinese.ExitCode);
        Assert.Contains("（探测）STARTTLS 之后服务器提供 AUTH", chinese.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("请用 --starttls（587 端口）或 --tls（465 端口）连接", chinese.StandardOutput, StringComparison.Ordinal);

        var json = await DoctorAsync("zh-CN", string.Empty, "--json");
        Assert.Equal(english.ExitCode, json.ExitCode);
        Assert.Contains("after STARTTLS (probed) the server offers AUTH", json.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotMatch(HanPattern(), json.StandardOutput);
    }

    private static List<string> Lines(string output) => [.. output.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n')];

    private static List<string> Verdicts(string output, params string[] words) =>
        [.. Lines(output).Select(l => Array.FindIndex(words, w => l.StartsWith(w + " ", StringComparison.Ordinal))).Where(i => i >= 0).Select(i => "PIWF"[i].ToString())];

    // The terminal column where the third field (detail) or an indented fix starts.
    private static int DetailColumn(string row)
    {
        var match = DetailPattern().Match(row);
        Assert.True(match.Success, row);
        return Core.Messages.TerminalText.Columns(row[..match.Index]);
    }

    [GeneratedRegex(@"(?<=^\S+ +\S.*?  +)\S|(?<=^ +)\S")]
    private static partial Regex DetailPattern();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex HanPattern();
}
