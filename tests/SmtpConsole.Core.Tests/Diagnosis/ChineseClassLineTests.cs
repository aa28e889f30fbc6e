using System.Text.Json;
using SmtpConsole.Core.Diagnosis;
using SmtpConsole.Core.Messages;

namespace SmtpConsole.Core.Tests.Diagnosis;

/// <summary>Issue 18: the class line of F4 and <c>explain --lang zh-CN</c> is Chinese; <c>--json</c> keeps the English "class".</summary>
public class ChineseClassLineTests
{
    [Theory]
    [InlineData("535 5.7.8 Error: authentication failed", "5xx 永久失败（先解决问题再重试）", "5xx permanent failure (fix something before retrying)")]
    [InlineData("250 2.0.0 Ok: queued as 1", "2xx 成功", "2xx success")]
    [InlineData("5.7.1 relay access denied", "（类别由增强状态码推断；输入中没有回复码）", "(class inferred from the enhanced code; the reply code was not shown)")]
    public void ClassLine_IsInTheLanguageAsked_JsonStaysEnglish(string reply, string chinese, string english)
    {
        var explanation = ReplyExplainer.Explain(PastedReplyParser.Parse(reply).Facts!);
        var zh = ExplanationFormatter.FormatText(explanation, language: UiLanguage.SimplifiedChinese);
        Assert.Contains(zh, l => l.Contains(chinese, StringComparison.Ordinal));
        Assert.DoesNotContain(zh, l => l.Contains(english, StringComparison.Ordinal));
        Assert.Contains(ExplanationFormatter.FormatText(explanation), l => l.Contains(english, StringComparison.Ordinal));

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer)) ExplanationFormatter.WriteJson(writer, explanation, language: UiLanguage.SimplifiedChinese);
        using var json = JsonDocument.Parse(buffer.ToArray());
        Assert.Contains(english, json.RootElement.GetProperty("class").GetString(), StringComparison.Ordinal);
    }
}
