using SmtpConsole.Core.Commands;
using SmtpConsole.Core.Messages;
using SmtpConsole.Core.Scripts;
using SmtpConsole.Core.Tests.Support;
using SmtpConsole.Core.Transcript;

namespace SmtpConsole.Core.Tests.Scripts;

/// <summary>
/// The script engine's own sentences (reader errors, /expect verdicts, step failures, the closing summary) in the
/// language the engine speaks: Chinese inside <see cref="CoreMessages.Speak"/>, with <c>file:line</c>, codes and
/// protocol words unchanged; English outside it.
/// </summary>
public class ChineseScriptMessagesTests
{
    private static Func<ScriptedSmtpServer.ServerConnection, Task> Accepting => async c =>
    {
        await c.SendAsync("220 ok ESMTP\r\n");
        await c.ServeAsync(line => line.StartsWith("QUIT", StringComparison.OrdinalIgnoreCase) ? "221 bye\r\n" : line.StartsWith("RCPT", StringComparison.OrdinalIgnoreCase) ? "550 5.1.1 no such user\r\n" : "250 ok\r\n");
    };

    private static async Task<(int Exit, List<TranscriptEvent> Events)> RunAsync(string script, UiLanguage language)
    {
        await using var server = new ScriptedSmtpServer(Accepting);
        await using var h = new SessionHarness(server.Port);
        using var speak = CoreMessages.Speak(language);
        int exit = await new ScriptStepper(h.Runner, ScriptReader.Read(script, "t.smtp"), new Dictionary<string, string>(), new ScriptRunOptions { Target = h.Options }).RunToEndAsync();
        return (exit, [.. h.Sink.Events]);
    }

    [Fact]
    public async Task ExpectationVerdicts_AndSummary_InChinese_KeepFileLineAndCodes()
    {
        var (exit, events) = await RunAsync("EHLO x\n/expect 250\nMAIL FROM:<a@example.test>\n/expect 550\n", UiLanguage.SimplifiedChinese);
        Assert.Equal(ExitCodes.ExpectationFailed, exit);
        Assert.Contains(events, e => e.Kind == TranscriptEventKind.Expect && e.Text == "通过：t.smtp:2：250 符合 250");
        Assert.Contains(events, e => e.Kind == TranscriptEventKind.Expect && e.Text == "未通过：t.smtp:4：预期 550，收到 250 ok");
        Assert.Contains(events, e => e.Kind == TranscriptEventKind.Info && e.Text == "replay 失败：有预期未满足，或服务器提前关闭了连接（退出码 1）");
    }

    [Fact]
    public async Task UnexpectedRefusal_InChinese_SaysWhichExpectToAdd()
    {
        var (exit, events) = await RunAsync("EHLO x\nMAIL FROM:<a@example.test>\nRCPT TO:<b@example.test>\nQUIT\n", UiLanguage.SimplifiedChinese);
        Assert.Equal(ExitCodes.ExpectationFailed, exit);
        Assert.Contains(events, e => e.Text == "未通过：t.smtp:3：预期 2xx 或 3xx，收到 550 5.1.1 no such user（如果这正是预期的回复，请在这一行之后加上 \"/expect 5xx\"）");
    }

    [Fact]
    public async Task SameRun_InEnglish_IsTheEnglishOfBefore()
    {
        var (exit, events) = await RunAsync("EHLO x\n/expect 250\nMAIL FROM:<a@example.test>\n/expect 550\n", UiLanguage.English);
        Assert.Equal(ExitCodes.ExpectationFailed, exit);
        Assert.Contains(events, e => e.Text == "ok: t.smtp:2: 250 matches 250");
        Assert.Contains(events, e => e.Text == "FAILED: t.smtp:4: expected 550, got 250 ok");
        Assert.Contains(events, e => e.Text == "replay failed: an expectation was not met or the server closed early (exit 1)");
        Assert.DoesNotContain(events, e => System.Text.RegularExpressions.Regex.IsMatch(e.Text, @"\p{IsCJKUnifiedIdeographs}"));
    }

    [Theory]
    [InlineData("EHLO x\n/pipeline\nNOOP\n", "t.smtp:2：/pipeline 没有用 /end 结束", "t.smtp:2: /pipeline is not closed with /end")]
    [InlineData("EHLO ${bad-name}\n", "t.smtp:1：变量格式不对：请写成 ${NAME}，名字只用字母、数字和 '_'", "t.smtp:1: malformed variable: write ${NAME} with letters, digits and '_'")]
    [InlineData("/data\nSubject: x\n", "t.smtp：邮件正文没有以单独一个 '.' 的行结束", "t.smtp: the message body is not ended by a line with a single '.'")]
    public void ReaderErrors_InBothLanguages(string script, string chinese, string english)
    {
        using (CoreMessages.Speak(UiLanguage.SimplifiedChinese))
            Assert.Equal(chinese, Assert.Throws<ScriptSyntaxException>(() => ScriptReader.Read(script, "t.smtp")).Message);
        Assert.Equal(english, Assert.Throws<ScriptSyntaxException>(() => ScriptReader.Read(script, "t.smtp")).Message);
    }

    [Fact]
    public void ExpectSyntaxAndVariableErrors_InChinese()
    {
        using var speak = CoreMessages.Speak(UiLanguage.SimplifiedChinese);
        Assert.Equal("/expect：\"abc\" 不是回复码或模式（例如 250、2xx、25x、250|251）", Assert.Throws<CommandSyntaxException>(() => ExpectationSpec.Parse("abc")).Message);
        var missing = Assert.Throws<ScriptSyntaxException>(() => new VariableResolver(new Dictionary<string, string>(), _ => null).ResolveAll(["PASS"], "t.smtp"));
        Assert.Equal("t.smtp：PASS 没有值", missing.Message);
        var injected = Assert.Throws<ScriptSyntaxException>(() => new VariableResolver(new Dictionary<string, string> { ["X"] = "a\r\nRSET" }, _ => null).ResolveAll(["X"], "t.smtp"));
        Assert.Equal("t.smtp：变量 X 含有 CR、LF 或 NUL，会注入额外的命令；已拒绝", injected.Message);
    }

    /// <summary>The two /expect syntax errors that were English literals in a Chinese run: an empty /expect and text after the code.</summary>
    [Theory]
    [InlineData("", "/expect 需要一个回复码")]
    [InlineData("250 5.7.1", "/expect：回复码之后只能跟一个文本模式")]
    [InlineData("250 # a comment", "/expect：回复码之后只能跟一个文本模式")]
    public void ExpectSyntaxErrors_InChinese_AndEnglish(string text, string chinese)
    {
        using (CoreMessages.Speak(UiLanguage.SimplifiedChinese))
            Assert.StartsWith(chinese, Assert.Throws<CommandSyntaxException>(() => ExpectationSpec.Parse(text)).Message, StringComparison.Ordinal);
        Assert.StartsWith("/expect", Assert.Throws<CommandSyntaxException>(() => ExpectationSpec.Parse(text)).Message, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\p{IsCJKUnifiedIdeographs}", Assert.Throws<CommandSyntaxException>(() => ExpectationSpec.Parse(text)).Message);
    }
}
