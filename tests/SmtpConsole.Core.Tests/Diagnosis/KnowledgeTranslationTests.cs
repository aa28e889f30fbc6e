using System.Text.Json;
using SmtpConsole.Core.Diagnosis;
using SmtpConsole.Core.Messages;

namespace SmtpConsole.Core.Tests.Diagnosis;

/// <summary>The Chinese knowledge base: complete for the entries a Chinese user meets, and what explain prints.</summary>
public class KnowledgeTranslationTests
{
    /// <summary>Providers whose every entry must have Chinese text (generic entries too): the Chinese providers and the
    /// big international ones a Chinese user meets.</summary>
    private static readonly string[] TranslatedProviders = ["qq", "exmail", "163", "126", "yeah", "coremail", "263", "aliyun", "sina", "gmail", "google-workspace", "microsoft365", "outlook", "yahoo", "icloud"];

    private const string QqAuthorizationCode = "535 Login Fail. Please enter your authorization code to login. More information in http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=28&&no=1001256";

    public static TheoryData<string> ListedEntries()
    {
        var data = new TheoryData<string>();
        foreach (var entry in KnowledgeBase.Default.Entries.Where(e => e.Providers.Count == 0 || e.Providers.Any(p => TranslatedProviders.Contains(p, StringComparer.OrdinalIgnoreCase))))
            data.Add(entry.Id);
        return data;
    }

    [Theory]
    [MemberData(nameof(ListedEntries))]
    public void ListedEntry_HasChineseTitleCauseAndFix(string id)
    {
        var text = KnowledgeTranslations.Find(id, UiLanguage.SimplifiedChinese);
        Assert.NotNull(text);
        Assert.False(string.IsNullOrWhiteSpace(text.Title), id + ": title");
        Assert.False(string.IsNullOrWhiteSpace(text.Cause), id + ": cause");
        Assert.NotEmpty(text.Fix);
        Assert.All(text.Fix, step => Assert.False(string.IsNullOrWhiteSpace(step)));
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", text.Title + text.Cause);
        var entry = KnowledgeBase.Default.Find(id)!;
        Assert.True(entry.Hint is null || text.Hint is not null, id + ": the English has a hint, the Chinese none");
    }

    [Fact]
    public void EveryTranslation_BelongsToAnEntryThatExists()
    {
        var ids = KnowledgeBase.Default.Entries.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain(KnowledgeTranslations.All(UiLanguage.SimplifiedChinese).Keys, id => !ids.Contains(id));
    }

    /// <summary>Two branches translating the same new entries left each id twice in the file; the parser keeps the
    /// last one, so the other text was silently dead. Each id must appear once.</summary>
    [Fact]
    public void EveryTranslation_AppearsOnce()
    {
        using var stream = typeof(KnowledgeTranslations).Assembly.GetManifestResourceStream("SmtpConsole.Diagnosis.Translations.knowledge.zh-CN.json")!;
        using var document = JsonDocument.Parse(stream, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var twice = document.RootElement.GetProperty("entries").EnumerateObject()
            .GroupBy(entry => entry.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key);
        Assert.Empty(twice);
    }

    [Fact]
    public void English_HasNoTranslationLayer() => Assert.Null(KnowledgeTranslations.Find("generic-535-credentials-invalid", UiLanguage.English));

    [Theory]
    [InlineData(QqAuthorizationCode, "smtp.qq.com", "qq-535-authorization-code")]
    [InlineData("535 Error: authentication failed", "smtp.163.com", "163-535-authentication-failed")]
    [InlineData("535 authentication failed", "smtp.sina.com", "sina-535-auth-failed")]
    [InlineData("535 5.7.8 Error: authentication failed", "smtp.sina.cn", "sina-535-auth-failed")]
    public void Explain_InChinese_QqAnd163Login_NameTheAuthorizationCode(string reply, string host, string id)
    {
        var explanation = ReplyExplainer.Explain(PastedReplyParser.Parse(reply).Facts! with { Host = host });
        string text = string.Join('\n', ExplanationFormatter.FormatText(explanation, language: UiLanguage.SimplifiedChinese));

        Assert.Equal(id, explanation.Best?.Entry.Id);
        Assert.Contains("授权码", text, StringComparison.Ordinal);
        Assert.Contains("诊断：", text, StringComparison.Ordinal);
        Assert.Contains("解决：", text, StringComparison.Ordinal);
        Assert.Contains("535", text, StringComparison.Ordinal); // protocol words stay as they are
        Assert.DoesNotContain("Cause:", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_InEnglish_IsUnchanged()
    {
        var explanation = ReplyExplainer.Explain(PastedReplyParser.Parse("535 Error: authentication failed").Facts! with { Host = "smtp.163.com" });
        var lines = ExplanationFormatter.FormatText(explanation);
        Assert.Contains(lines, l => l.StartsWith("Diagnosis: NetEase 163/126: authentication failed", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Cause:     ", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Any(c => c >= '\u4E00' && c <= '\u9FFF') && !l.Contains("授权", StringComparison.Ordinal));
    }

    [Fact]
    public void Json_InChinese_KeepsTheEnglishAlongside()
    {
        var explanation = ReplyExplainer.Explain(PastedReplyParser.Parse(QqAuthorizationCode).Facts! with { Host = "smtp.qq.com" });
        using var ms = new MemoryStream();
        using (var writer = new Utf8JsonWriter(ms)) ExplanationFormatter.WriteJson(writer, explanation, language: UiLanguage.SimplifiedChinese);
        using var document = JsonDocument.Parse(ms.ToArray());

        var best = document.RootElement.GetProperty("matches")[0];
        Assert.Equal("QQ Mail: use the authorization code, not the QQ password", best.GetProperty("title").GetString());
        var localized = best.GetProperty("localized");
        Assert.Equal("zh-CN", localized.GetProperty("language").GetString());
        Assert.Contains("授权码", localized.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.True(localized.GetProperty("fix").GetArrayLength() > 0);
    }

    [Fact]
    public void Json_InEnglish_HasNoLocalizedObject()
    {
        var explanation = ReplyExplainer.Explain(PastedReplyParser.Parse(QqAuthorizationCode).Facts! with { Host = "smtp.qq.com" });
        using var ms = new MemoryStream();
        using (var writer = new Utf8JsonWriter(ms)) ExplanationFormatter.WriteJson(writer, explanation);
        using var document = JsonDocument.Parse(ms.ToArray());
        Assert.False(document.RootElement.GetProperty("matches")[0].TryGetProperty("localized", out _));
    }

    /// <summary>A Chinese reader knows the providers by their Chinese names (网易 163 邮箱, not "NetEase 163 Mail").</summary>
    [Fact]
    public void EveryProvider_HasAChineseName()
    {
        var names = KnowledgeTranslations.ProviderNames(UiLanguage.SimplifiedChinese);
        Assert.All(KnowledgeBase.Default.Recognizer.Providers, p => Assert.True(names.ContainsKey(p.Id), p.Id + " has no name in knowledge.zh-CN.json's providers"));
        Assert.DoesNotContain(names.Keys, id => KnowledgeBase.Default.Recognizer.Providers.All(p => !string.Equals(p.Id, id, StringComparison.OrdinalIgnoreCase)));
    }

    [Theory]
    [InlineData("535 Error: authentication failed", "smtp.163.com", "网易 163 邮箱", "NetEase 163 Mail")]
    [InlineData(QqAuthorizationCode, "smtp.qq.com", "QQ 邮箱（腾讯）", "QQ Mail (Tencent)")]
    [InlineData("535 authentication failed", "smtp.sina.com", "新浪邮箱", "Sina Mail")]
    public void Explain_InChinese_NamesTheProviderInChinese_JsonKeepsTheEnglishName(string reply, string host, string chinese, string english)
    {
        var explanation = ReplyExplainer.Explain(PastedReplyParser.Parse(reply).Facts! with { Host = host });
        var lines = ExplanationFormatter.FormatText(explanation, language: UiLanguage.SimplifiedChinese);
        Assert.Contains(lines, l => l.StartsWith("服务商：", StringComparison.Ordinal) && l.Contains(chinese, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("匹配依据：", StringComparison.Ordinal) && l.Contains("服务商 " + chinese, StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(english, StringComparison.Ordinal));

        using var ms = new MemoryStream();
        using (var writer = new Utf8JsonWriter(ms)) ExplanationFormatter.WriteJson(writer, explanation, language: UiLanguage.SimplifiedChinese);
        using var document = JsonDocument.Parse(ms.ToArray());
        Assert.Equal(english, document.RootElement.GetProperty("provider").GetProperty("name").GetString());
        Assert.Contains(document.RootElement.GetProperty("matches")[0].GetProperty("reasons").EnumerateArray(), r => r.GetString() == "provider " + english);

        var englishLines = ExplanationFormatter.FormatText(explanation);
        Assert.Contains(englishLines, l => l.StartsWith("Provider:", StringComparison.Ordinal) && l.Contains(english, StringComparison.Ordinal));
    }
}
