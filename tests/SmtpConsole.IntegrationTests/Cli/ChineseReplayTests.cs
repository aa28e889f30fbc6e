using System.Text.Json;
using SmtpConsole.IntegrationTests.Infrastructure;
using SmtpConsole.IntegrationTests.Support;

namespace SmtpConsole.IntegrationTests.Cli;

/// <summary>
/// <c>smtpconsole replay</c> against the real smtp-sink speaking the user's language: the <c>#</c> lines (notes,
/// the expectation verdict naming <c>file:line</c>, the closing summary) in Chinese, while what crossed the wire
/// (<c>C:</c>/<c>S:</c>), the exit code and <c>--json</c> stay exactly as in English.
/// </summary>
[Collection("LocalServers")]
public class ChineseReplayTests(LocalServers servers)
{
    private static readonly Dictionary<string, string> Posix = new() { ["LANG"] = "C", ["LC_ALL"] = "", ["LC_MESSAGES"] = "", ["SMTPCONSOLE_LANG"] = "" };
    private static readonly Dictionary<string, string> ChineseLocale = new() { ["LANG"] = "zh_CN.UTF-8", ["LC_ALL"] = "", ["LC_MESSAGES"] = "", ["SMTPCONSOLE_LANG"] = "" };

    // Line 3's expectation is wrong on purpose: smtp-sink accepts every sender.
    private const string Script = """
        EHLO client.example.test
        /expect 250
        MAIL FROM:<alice@example.test>
        /expect 550
        QUIT
        """;

    private async Task<string> WriteScriptAsync()
    {
        string path = Path.Combine(Path.GetTempPath(), $"zh-replay-{Guid.NewGuid():N}.smtp");
        await File.WriteAllTextAsync(path, Script);
        return path;
    }

    private string[] Target => ["--host", servers.Host, "--port", servers.Ports.Sink.ToString(System.Globalization.CultureInfo.InvariantCulture), "--plain"];

    private static List<string> Lines(string output) => [.. output.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries)];

    private static List<string> Wire(string output) => [.. Lines(output).Where(l => l.StartsWith("C: ", StringComparison.Ordinal) || l.StartsWith("S: ", StringComparison.Ordinal))];

    [Fact]
    public async Task Replay_LangZhCn_HashLinesInChinese_ExpectationNamesFileLine_WireAndExitAsInEnglish()
    {
        string script = await WriteScriptAsync();
        var chinese = await AppProcess.RunAsync(["replay", script, .. Target, "--lang", "zh-CN"], environment: Posix);
        var english = await AppProcess.RunAsync(["replay", script, .. Target], environment: Posix);

        Assert.Equal(1, english.ExitCode);
        Assert.Equal(english.ExitCode, chinese.ExitCode);
        Assert.Equal(Wire(english.StandardOutput), Wire(chinese.StandardOutput));
        Assert.NotEmpty(Wire(chinese.StandardOutput));

        var hash = Lines(chinese.StandardOutput).Where(l => l.StartsWith("# ", StringComparison.Ordinal)).ToList();
        Assert.Contains(hash, l => l.StartsWith("# connect: 正在连接 ", StringComparison.Ordinal));
        Assert.Contains($"# expect: 通过：{script}:2：250 符合 250", hash);
        Assert.Contains(hash, l => l.StartsWith($"# expect: 未通过：{script}:4：预期 550，收到 250", StringComparison.Ordinal));
        Assert.Contains("# info: replay 失败：有预期未满足，或服务器提前关闭了连接（退出码 1）", hash);
        Assert.DoesNotContain(hash, l => l.Contains("expected 550", StringComparison.Ordinal) || l.Contains("replay failed", StringComparison.Ordinal));

        Assert.Contains(Lines(english.StandardOutput), l => l.StartsWith($"# expect: FAILED: {script}:4: expected 550, got 250", StringComparison.Ordinal));
        Assert.DoesNotMatch(@"\p{IsCJKUnifiedIdeographs}", english.StandardOutput);
    }

    [Fact]
    public async Task Replay_ChineseLocale_SpeaksChinese_ButJsonStaysEnglish()
    {
        string script = await WriteScriptAsync();
        var text = await AppProcess.RunAsync(["replay", script, .. Target], environment: ChineseLocale);
        Assert.Equal(1, text.ExitCode);
        Assert.Contains("# info: replay 失败：有预期未满足，或服务器提前关闭了连接（退出码 1）", Lines(text.StandardOutput));

        var json = await AppProcess.RunAsync(["replay", script, .. Target, "--json"], environment: ChineseLocale);
        Assert.Equal(1, json.ExitCode);
        Assert.DoesNotMatch(@"\p{IsCJKUnifiedIdeographs}", json.StandardOutput);
        var events = Lines(json.StandardOutput).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Contains(events, e => e.GetProperty("kind").GetString() == "expect" && e.GetProperty("text").GetString()!.StartsWith($"FAILED: {script}:4: expected 550, got 250", StringComparison.Ordinal));
        Assert.Contains(events, e => e.GetProperty("text").GetString() == "replay failed: an expectation was not met or the server closed early (exit 1)");
    }

    [Fact]
    public async Task Replay_ScriptError_InChinese_NamesFileLine_ExitTwo()
    {
        string path = Path.Combine(Path.GetTempPath(), $"zh-replay-{Guid.NewGuid():N}.smtp");
        await File.WriteAllTextAsync(path, "EHLO x\n/pipeline\nNOOP\n");
        var r = await AppProcess.RunAsync(["replay", path, .. Target, "--lang", "zh-CN"], environment: Posix);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"{path}:2：/pipeline 没有用 /end 结束", r.StandardError + r.StandardOutput, StringComparison.Ordinal);
    }
}
