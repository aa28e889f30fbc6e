using System.Text.RegularExpressions;
using SmtpConsole.Core.Commands;
using SmtpConsole.Core.Messages;
using SmtpConsole.Core.Transcript;

namespace SmtpConsole.Core.Tests.Commands;

/// <summary>
/// <c>/help</c> and <c>/help TOPIC</c> in Chinese: the explanations are Chinese, the command syntax is untouched,
/// and English is what it was.
/// </summary>
public partial class ChineseHelpTests
{
    public static TheoryData<string> Topics() =>
    [
        "auth", "data", "expect", "tls", "scripts", "pipeline", "compose", "params", "proxy",
        "EHLO", "HELO", "MAIL", "RCPT", "DATA", "BDAT", "RSET", "NOOP", "QUIT", "VRFY", "EXPN", "AUTH", "STARTTLS", "HELP",
        "connect", "ehlo", "starttls", "/data", "bdat", "/pipeline", "/compose", "b64", "unb64", "/expect", "mx", "rset", "quit",
        "helo", "noop", "end",
    ];

    [Theory]
    [MemberData(nameof(Topics))]
    public void EveryTopic_HasChineseExplanation_AndKeepsItsSyntax(string topic)
    {
        var english = HelpText.Lines(topic, UiLanguage.English);
        var chinese = HelpText.Lines(topic, UiLanguage.SimplifiedChinese);
        Assert.Equal(english.Count, chinese.Count);
        // At least one line explains in Chinese; lines that are pure syntax may stay as they are.
        Assert.Contains(chinese, line => HasHan(line));
        for (int i = 0; i < english.Count; i++)
        {
            if (!HasHan(chinese[i])) Assert.Equal(english[i], chinese[i]);
            // Protocol words, helpers, options and reply codes stay as they are inside the Chinese sentence.
            foreach (string word in CodeWords(english[i])) Assert.Contains(word, chinese[i], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void HelpAuth_InChinese_NamesTheAuthorizationCode_AndKeepsProtocolWords()
    {
        var lines = HelpText.Lines("auth", UiLanguage.SimplifiedChinese);
        Assert.Contains(lines, l => l.Contains("授权码", StringComparison.Ordinal));
        Assert.StartsWith("/auth login USER：", lines[0], StringComparison.Ordinal);
        Assert.Contains("AUTH LOGIN", lines[0], StringComparison.Ordinal);
        Assert.Contains("334", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.Contains("decodes each", StringComparison.Ordinal) || l.Contains("Leave out", StringComparison.Ordinal));
    }

    [Fact]
    public void HelpOverview_InChinese_ListsEveryHelperWithItsSyntax()
    {
        var lines = HelpText.Lines(null, UiLanguage.SimplifiedChinese);
        Assert.Contains("SMTP 命令", lines[0], StringComparison.Ordinal);
        foreach (var (name, synopsis) in CommandLineParser.Helpers)
        {
            string syntax = synopsis.Split("  (")[0];
            Assert.Contains(lines, l => l.StartsWith("  " + syntax, StringComparison.Ordinal));
        }
        Assert.Contains(lines, l => l.StartsWith("  /starttls  （升级为 TLS 加密连接", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("(upgrade to TLS", StringComparison.Ordinal));
    }

    [Fact]
    public void English_IsUnchanged()
    {
        Assert.Equal("/starttls  (upgrade to TLS; the server forgets EHLO)", CommandLineParser.Helpers.Single(h => h.Name == "/starttls").Synopsis);
        Assert.Equal("Leave out the secret to be asked for it (masked). Without TLS you are asked before credentials go out in clear.", HelpText.Lines("auth", UiLanguage.English)[2]);
        Assert.Equal(
            "smtpconsole replay SCRIPT runs these same lines headless: a raw line waits for its reply; ${NAME} comes from --var NAME=VALUE or SMTPCONSOLE_NAME.",
            HelpText.Lines("scripts", UiLanguage.English)[0]);
        Assert.All(HelpText.Lines(null, UiLanguage.English), l => Assert.False(HasHan(l), l));
    }

    [Fact]
    public void UnknownTopic_InChinese_SaysSoWithTheWord()
    {
        var line = Assert.Single(HelpText.Lines("frobnicate", UiLanguage.SimplifiedChinese));
        Assert.StartsWith("没有关于 \"frobnicate\" 的帮助", line, StringComparison.Ordinal);
    }

    private static bool HasHan(string text) => HanPattern().IsMatch(text);

    // "/auth", "--initial", "STARTTLS", "DIGEST-MD5", "334": what a user types or reads on the wire.
    private static IEnumerable<string> CodeWords(string line) => CodeWordPattern().Matches(line).Select(m => m.Value).Distinct();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex HanPattern();

    [GeneratedRegex(@"(?<![\w/-])(?:/[a-z0-9]+|--[a-z-]+|[A-Z][A-Z0-9-]{2,}|\d{3})(?![\w])")]
    private static partial Regex CodeWordPattern();
}

/// <summary><c>/help auth</c> typed into the engine while it speaks Chinese (the engine's language is process-wide, so alone).</summary>
[Collection(EngineLanguageCollection.Name)]
public class ChineseHelpThroughTheEngineTests
{
    [Fact]
    public async Task HelpAuth_TypedIntoTheRunner_PrintsChinese()
    {
        var before = CoreMessages.Language;
        CoreMessages.Language = UiLanguage.SimplifiedChinese;
        try
        {
            await using var h = new SessionHarness(1);
            Assert.Equal(StepStatus.Ok, (await h.Runner.ExecuteAsync("/help auth")).Status);
            Assert.Contains(h.Sink.Events, e => e.Kind == TranscriptEventKind.Info && e.Text.Contains("授权码", StringComparison.Ordinal));
            Assert.Equal(StepStatus.Ok, (await h.Runner.ExecuteAsync("/help")).Status);
            Assert.Contains(h.Sink.Events, e => e.Text.StartsWith("  /quit  （发送 QUIT 并关闭）", StringComparison.Ordinal));
        }
        finally
        {
            CoreMessages.Language = before;
        }
    }
}

/// <summary>The command language's usage errors, in the language the engine speaks (process-wide, so alone).</summary>
[Collection(EngineLanguageCollection.Name)]
public class ChineseUsageErrorTests
{
    [Theory]
    [InlineData("/mx", "用法：/mx DOMAIN", "usage: /mx DOMAIN")]
    [InlineData("/conect example.test", "未知的辅助命令 /conect（你是不是要用 /connect？）。/help 会列出所有辅助命令", "unknown helper /conect (did you mean /connect?). /help lists them")]
    [InlineData("/auth", "用法：/auth MECHANISM USER [SECRET]  （例如 /auth login alice", "usage: /auth MECHANISM USER [SECRET]  (e.g. /auth login alice")]
    [InlineData("/auth frob alice", "/auth：未知的认证机制 frob；可用的有 ", "/auth: unknown mechanism frob; use one of ")]
    [InlineData("/connect example.test 99999", "\"99999\" 不是端口号（1-65535）", "\"99999\" is not a port number (1-65535)")]
    [InlineData("/connect example.test --tls --plain", "/connect：--tls、--starttls、--plain 只能选一个", "/connect: choose one of --tls, --starttls, --plain")]
    [InlineData("/quit now", "/quit 不接受参数", "/quit takes no arguments")]
    [InlineData("/bdat @f --chunk 0", "/bdat：--chunk 需要 1 到 67108864（64 MiB）之间的字节数", "/bdat: --chunk needs a number of octets from 1 to 67108864 (64 MiB)")]
    [InlineData("/b64 \"open", "引号 \" 没有闭合", "unterminated \" quote")]
    public void UsageErrors_AreChineseWhenTheEngineSpeaksChinese_AndEnglishOtherwise(string line, string chinese, string english)
    {
        Assert.StartsWith(english, Assert.Throws<CommandSyntaxException>(() => CommandLineParser.Parse(line)).Message, StringComparison.Ordinal);
        var before = CoreMessages.Language;
        CoreMessages.Language = UiLanguage.SimplifiedChinese;
        try
        {
            Assert.StartsWith(chinese, Assert.Throws<CommandSyntaxException>(() => CommandLineParser.Parse(line)).Message, StringComparison.Ordinal);
        }
        finally
        {
            CoreMessages.Language = before;
        }
    }
}

/// <summary>Tests that change <see cref="CoreMessages.Language"/> run alone, so no other test sees Chinese.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public static class EngineLanguageCollection
{
    public const string Name = "Engine language (process-wide)";
}
