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
        // The fix under it comes from the knowledge base's Chinese text, for the server the greeting names (Postfix: its
        // SASL backend refused). Before the doctor passed the greeting on, a generic entry's 授权码 advice (for QQ/163-style
        // providers) was shown for this local Postfix.
        string fix = lines[lines.IndexOf(loginRow) + 1];
        Assert.Matches(@"^\s+解决：Postfix 的 SASL 后端", fix);
        Assert.DoesNotContain("。；", fix, StringComparison.Ordinal);
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
        Assert.Contains("请用 STARTTLS（587 端口）或隐式 TLS（465 端口）连接（smtpconsole：587 用 --starttls，465 用 --tls）", chinese.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("connect with STARTTLS (port 587) or implicit TLS (port 465) (smtpconsole: --starttls for 587, --tls for 465)", english.StandardOutput, StringComparison.Ordinal);

        var json = await DoctorAsync("zh-CN", string.Empty, "--json");
        Assert.Equal(english.ExitCode, json.ExitCode);
        Assert.Contains("after STARTTLS (probed) the server offers AUTH", json.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotMatch(HanPattern(), json.StandardOutput);
    }

    [Fact]
    public async Task BadCertificates_InChinese_ProblemAndFixAreChinese_AndTheFixIsChosenByKind_InBothLanguages()
    {
        // Expired (the CA is given: only the expiry is wrong), wrong host (likewise), and the test CA not given.
        (string[] Arguments, string ChineseProblem, string ChineseFix, string EnglishProblem, string EnglishFix)[] cases =
        [
            (["127.0.0.1", Port(servers.Ports.SmtpsExpired), "--tls", "--cafile", servers.CaFile],
                "TLS 证书被拒绝：证书已于 ", "解决：服务器的证书已过期：只有其管理员能解决（续期证书）；你可以在知情的前提下不验证证书继续（smtpconsole：--insecure）",
                "TLS certificate rejected: the certificate expired on ", "fix: the server's certificate has expired: only its administrator can fix that (renew it); you may go on without verification, knowingly (smtpconsole: --insecure)"),
            (["localhost", Port(servers.Ports.SmtpsWrongHost), "--tls", "--cafile", servers.CaFile],
                "TLS 证书被拒绝：主机名不匹配：证书签发给 DNS:wrong.example，而不是“localhost”", "解决：请用证书所对应的主机名连接（见上面列出的名称），或请服务器管理员修正证书",
                "TLS certificate rejected: host name mismatch: the certificate is for DNS:wrong.example, not \"localhost\"", "fix: connect with a host name the certificate is for (see the names above), or ask the server administrator to fix the certificate"),
            (["127.0.0.1", Port(servers.Ports.Submission), "--starttls"],
                "TLS 证书被拒绝：证书链不完整：签发者未知", "解决：如果这是私有或测试用的 CA，请信任它的 CA 证书；否则服务器必须发送由公共 CA 签发的完整证书链（smtpconsole：--cafile CA.pem）",
                "TLS certificate rejected: incomplete chain: the issuer is unknown", "fix: if this is a private or test CA, trust its CA certificate; otherwise the server must send a complete chain from a public CA (smtpconsole: --cafile CA.pem)"),
        ];
        foreach (var (arguments, chineseProblem, chineseFix, englishProblem, englishFix) in cases)
        {
            var chinese = await AppProcess.RunAsync(["--lang", "zh-CN", "doctor", .. arguments], environment: Posix);
            var english = await AppProcess.RunAsync(["--lang", "en", "doctor", .. arguments], environment: Posix);
            Assert.Equal(english.ExitCode, chinese.ExitCode);

            var lines = Lines(chinese.StandardOutput);
            string tls = Assert.Single(lines, l => l.StartsWith("失败  TLS 加密连接", StringComparison.Ordinal));
            Assert.Contains(chineseProblem, tls, StringComparison.Ordinal);
            Assert.Equal(chineseFix, lines[lines.IndexOf(tls) + 1].Trim());
            // Every line is Chinese but for protocol words, names, dates and the server's own text.
            Assert.All(lines.Where(l => !l.StartsWith("通过  欢迎信息", StringComparison.Ordinal)), l => Assert.DoesNotMatch(EnglishWord(), l));

            var englishLines = Lines(english.StandardOutput);
            string englishTls = Assert.Single(englishLines, l => l.StartsWith("FAIL  TLS", StringComparison.Ordinal));
            Assert.Contains(englishProblem, englishTls, StringComparison.Ordinal);
            Assert.Equal(englishFix, englishLines[englishLines.IndexOf(englishTls) + 1].Trim());
            Assert.DoesNotMatch(HanPattern(), english.StandardOutput);
        }
    }

    [Fact]
    public async Task BadCertificate_Json_StaysEnglish_AndNamesTheProblemKinds()
    {
        var json = await AppProcess.RunAsync(["--lang", "zh-CN", "doctor", "127.0.0.1", Port(servers.Ports.Submission), "--starttls", "--json"], environment: Posix);
        Assert.DoesNotMatch(HanPattern(), json.StandardOutput);
        using var document = System.Text.Json.JsonDocument.Parse(json.StandardOutput);
        var tls = document.RootElement.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("check").GetString() == "TLS");
        Assert.Equal(["IncompleteChain"], tls.GetProperty("certificateProblems").EnumerateArray().Select(k => k.GetString()));
        Assert.Equal(["TrustCaFile"], tls.GetProperty("remedies").EnumerateArray().Select(k => k.GetString()));
        Assert.StartsWith("TLS certificate rejected: incomplete chain", tls.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

    // An English word of prose (protocol words are upper case; names and subjects are matched by the exceptions below).
    [GeneratedRegex(@"\b(?:the|is|not|and|with|for|certificate|expired|chain|issuer|fix|connect|server|trust|verified)\b")]
    private static partial Regex EnglishWord();

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
