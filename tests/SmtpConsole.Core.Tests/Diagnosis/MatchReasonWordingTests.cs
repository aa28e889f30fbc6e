using SmtpConsole.Core.Diagnosis;
using SmtpConsole.Core.Messages;

namespace SmtpConsole.Core.Tests.Diagnosis;

/// <summary>Why an entry matched: worded in the reader's language in explain's text, always English in JSON.</summary>
public class MatchReasonWordingTests
{
    private const string QqBusy = "535 Error: authentication failed, system busy";

    private static Explanation Explain(string reply) => ReplyExplainer.Explain(PastedReplyParser.Parse(reply).Facts!);

    private static string Text(string reply, UiLanguage language) => string.Join('\n', ExplanationFormatter.FormatText(Explain(reply), language: language));

    private static string Line(string text, string label) => text.Split('\n').Single(l => l.StartsWith(label, StringComparison.Ordinal));

    [Fact]
    public void English_IsWhatExplainAlwaysPrinted()
    {
        string text = Text(QqBusy, UiLanguage.English);
        Assert.Equal("Matched:   code 535; text \"system busy\"; text typical of qq/exmail", Line(text, "Matched:"));
        Assert.Equal("Provider:  QQ Mail (Tencent) (from reply matched knowledge entry qq-535-system-busy)", Line(text, "Provider:"));
    }

    [Fact]
    public void Chinese_WordsEveryReason_AndKeepsCodesTextAndNames()
    {
        string text = Text(QqBusy, UiLanguage.SimplifiedChinese);
        string matched = Line(text, "匹配依据");
        Assert.Contains("状态码 535", matched);
        Assert.Contains("文字“system busy”", matched);
        Assert.Contains("qq/exmail 的典型写法", matched);
        Assert.DoesNotContain("typical", matched);
        Assert.DoesNotContain("knowledge entry", Line(text, "服务商"));
        Assert.Contains("qq-535-system-busy", Line(text, "服务商"));
    }

    [Fact]
    public void Json_KeepsEnglishReasons_WhateverTheLanguage()
    {
        var explanation = Explain(QqBusy);
        using var buffer = new MemoryStream();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer)) ExplanationFormatter.WriteJson(writer, explanation, language: UiLanguage.SimplifiedChinese);
        string json = System.Text.Encoding.UTF8.GetString(buffer.ToArray());
        Assert.Contains("text typical of qq/exmail", json);
        Assert.DoesNotContain("典型写法", json);
    }

    [Theory]
    [InlineData("CodeClass", "5", "code class 5xx", "状态码类别 5xx")]
    [InlineData("AboutButAnswers", "RCPT", "about RCPT, but this answers MAIL", "该条目针对 RCPT，而这条回复的是 MAIL")]
    public void EachReason_HasBothWordings(string key, string first, string english, string chinese)
    {
        var reason = key == "AboutButAnswers" ? new MatchReason(key, first, "MAIL") : new MatchReason(key, first);
        Assert.Equal(english, reason.ToString());
        Assert.Equal(chinese, reason.In(UiLanguage.SimplifiedChinese));
    }
}
