using System.Globalization;
using SmtpConsole.Core.Diagnosis;
using SmtpConsole.Core.Messages;

namespace SmtpConsole.Core.Tests.Diagnosis;

/// <summary>The Chinese IANA registry texts: one for every registry entry, none extra, and what explain prints.</summary>
public class StatusCodeTranslationTests
{
    private static readonly EnhancedStatusRegistry Registry = EnhancedStatusRegistry.Default;
    private static StatusCodeTranslationSet Chinese => StatusCodeTranslations.All(UiLanguage.SimplifiedChinese)!;

    private static void AssertChinese(LocalizedStatusText? text, string what, bool needsDescription = true)
    {
        Assert.True(text is not null, what + ": no Chinese text");
        Assert.False(string.IsNullOrWhiteSpace(text!.Title), what + ": title");
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", text.Title);
        if (needsDescription)
        {
            Assert.False(string.IsNullOrWhiteSpace(text.Description), what + ": description");
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", text.Description!);
        }
    }

    [Fact]
    public void EveryClassAndSubject_HasChineseTitleAndDescription_AndNoneExtra()
    {
        Assert.Equal(3, Registry.Classes.Count);
        Assert.Equal(8, Registry.Subjects.Count);
        foreach (var c in Registry.Classes) AssertChinese(Chinese.Classes.GetValueOrDefault(c.Number), "class " + c.Number);
        foreach (var s in Registry.Subjects) AssertChinese(Chinese.Subjects.GetValueOrDefault(s.Number), "subject " + s.Number);
        Assert.Equal(Registry.Classes.Select(c => c.Number).Order(), Chinese.Classes.Keys.Order());
        Assert.Equal(Registry.Subjects.Select(s => s.Number).Order(), Chinese.Subjects.Keys.Order());
    }

    [Fact]
    public void EveryEnhancedCode_HasChineseTitleAndDescription_AndNoneExtra()
    {
        Assert.Equal(81, Registry.Codes.Count);
        foreach (var code in Registry.Codes) AssertChinese(Chinese.Codes.GetValueOrDefault(code.Code), code.Code);
        Assert.Equal(Registry.Codes.Select(c => c.Code).Order(StringComparer.Ordinal), Chinese.Codes.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EveryReplyCode_HasChineseTitle_AndNoneExtra()
    {
        // The registry's reply codes carry a title only (no description), so the translation has a title only.
        Assert.Equal(35, Registry.ReplyCodes.Count);
        foreach (var reply in Registry.ReplyCodes)
            AssertChinese(Chinese.ReplyCodes.GetValueOrDefault(reply.Code), reply.Code.ToString(CultureInfo.InvariantCulture), needsDescription: false);
        Assert.Equal(Registry.ReplyCodes.Select(r => r.Code).Order(), Chinese.ReplyCodes.Keys.Order());
    }

    [Fact]
    public void TranslatedText_KeepsCodesAndProtocolWords()
    {
        Assert.Contains("AUTH", Chinese.Codes["X.7.8"].Description);
        Assert.Contains("MAIL FROM", Chinese.Codes["X.1.7"].Description);
        Assert.Contains("STARTTLS", Chinese.ReplyCodes[530].Title);
        Assert.Contains("X.6.8", Chinese.Codes["X.6.10"].Title);
        Assert.Null(StatusCodeTranslations.All(UiLanguage.English));
    }

    [Fact]
    public void Parse_ReadsNumberedAndCodeKeys()
    {
        using var json = new MemoryStream("""{ "classes": { "5": { "title": "甲", "description": "乙" } }, "codes": { "X.7.8": { "title": "丙", "description": "丁" } }, "replyCodes": { "535": { "title": "戊" } } }"""u8.ToArray());
        var set = StatusCodeTranslations.Parse(json);
        Assert.Equal("甲", set.Classes[5].Title);
        Assert.Equal("丁", set.Codes["x.7.8"].Description);
        Assert.Null(set.ReplyCodes[535].Description);
        Assert.Empty(set.Subjects);
    }

    private static string Explain(string reply, UiLanguage language) =>
        string.Join('\n', ExplanationFormatter.FormatText(ReplyExplainer.Explain(PastedReplyParser.Parse(reply).Facts!), language: language));

    [Fact]
    public void ExplainInChinese_535_578_ShowsChineseRegistryTexts()
    {
        string text = Explain("535 5.7.8 Authentication failed", UiLanguage.SimplifiedChinese);
        Assert.Contains("535 — 认证凭据无效（RFC 4954）", text);
        Assert.Contains("5.7.8 — 认证凭据无效（RFC 4954）：AUTH 失败：用户名、密码或令牌未被接受。", text);
        Assert.Contains("类别 5：永久失败；主题 7：安全或策略状态", text);
        Assert.DoesNotContain("Authentication credentials invalid", text);
        Assert.DoesNotContain("Permanent failure", text);
        Assert.DoesNotContain("Security or policy status", text);
    }

    [Fact]
    public void ExplainInChinese_550_511_ShowsChineseRegistryTexts()
    {
        string text = Explain("550 5.1.1 User unknown", UiLanguage.SimplifiedChinese);
        Assert.Contains("550 — 请求的操作未执行：邮箱不可用或被策略拒绝（RFC 5321）", text);
        Assert.Contains("5.1.1 — 目标邮箱地址错误（RFC 3463）：", text);
        Assert.Contains("主题 1：地址状态", text);
        Assert.DoesNotContain("Bad destination mailbox address", text);
        Assert.DoesNotContain("Addressing status", text);
    }

    [Fact]
    public void ExplainInEnglish_KeepsRegistryEnglish()
    {
        string text = Explain("535 5.7.8 Authentication failed", UiLanguage.English);
        Assert.Contains("535 — Authentication credentials invalid (RFC 4954)", text);
        Assert.Contains("5.7.8 — Authentication credentials invalid (RFC 4954): AUTH failed: the user name, password or token was not accepted.", text);
        Assert.Contains("class 5: Permanent failure; subject 7: Security or policy status", text);
        Assert.DoesNotContain("认证", text);
    }

    [Fact]
    public void JsonInChinese_KeepsRegistryEnglish()
    {
        var explanation = ReplyExplainer.Explain(PastedReplyParser.Parse("535 5.7.8 Authentication failed").Facts!);
        string Json(UiLanguage language)
        {
            using var buffer = new MemoryStream();
            using (var writer = new System.Text.Json.Utf8JsonWriter(buffer)) ExplanationFormatter.WriteJson(writer, explanation, language: language);
            return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
        }
        string chinese = Json(UiLanguage.SimplifiedChinese);
        Assert.Contains("Authentication credentials invalid", chinese);
        Assert.Contains("Security or policy status", chinese);
        Assert.DoesNotContain("认证凭据无效", chinese);
        Assert.DoesNotContain("安全或策略状态", chinese);
    }
}
