using System.Text;
using System.Text.Json;
using SmtpConsole.Core.Diagnosis;

namespace SmtpConsole.Core.Tests.Diagnosis;

public sealed class ExplanationFormatterTests
{
    private static Explanation Sample()
    {
        var facts = PastedReplyParser.Parse("535-5.7.8 Username and Password not accepted. Learn more at\n535 5.7.8 https://support.google.com/mail/?p=BadCredentials x - gsmtp").Facts!;
        return ReplyExplainer.Explain(facts with { Host = "smtp.gmail.com", Phase = "AUTH" });
    }

    [Fact]
    public void Text_HasAllSections()
    {
        var lines = ExplanationFormatter.FormatText(Sample());
        string all = string.Join('\n', lines);
        foreach (string label in new[] { "Reply:", "Class:", "Code:", "Enhanced:", "Provider:", "Phase:", "Diagnosis:", "Cause:", "Fix:", "Docs:", "Source:" })
            Assert.Contains(label, all, StringComparison.Ordinal);
        Assert.Contains("5.7.8 — Authentication credentials invalid (RFC 4954)", all, StringComparison.Ordinal);
        Assert.Contains("  1. ", all, StringComparison.Ordinal);
        Assert.Contains("Gmail (from host smtp.gmail.com)", all, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_IsValidAndComplete()
    {
        using var ms = new MemoryStream();
        using (var writer = new Utf8JsonWriter(ms))
            ExplanationFormatter.WriteJson(writer, Sample());
        using var doc = JsonDocument.Parse(Encoding.UTF8.GetString(ms.ToArray()));
        var root = doc.RootElement;
        Assert.Equal(535, root.GetProperty("reply").GetProperty("code").GetInt32());
        Assert.Equal("5.7.8", root.GetProperty("reply").GetProperty("enhanced").GetString());
        Assert.Equal("AUTH", root.GetProperty("reply").GetProperty("phase").GetString());
        Assert.Equal("Authentication credentials invalid", root.GetProperty("enhancedMeaning").GetProperty("title").GetString());
        Assert.Equal("gmail", root.GetProperty("provider").GetProperty("id").GetString());
        Assert.Equal("host", root.GetProperty("provider").GetProperty("evidence").GetString());
        var first = root.GetProperty("matches")[0];
        Assert.Equal("gmail-535-bad-credentials", first.GetProperty("id").GetString());
        Assert.True(first.GetProperty("fix").GetArrayLength() > 0);
        Assert.False(string.IsNullOrEmpty(root.GetProperty("oneLineHint").GetString()));
    }

    [Fact]
    public void Json_NoEnhancedNoProvider_WritesNulls()
    {
        var e = ReplyExplainer.Explain(new ReplyFacts(550, null, ["nope"]));
        using var ms = new MemoryStream();
        using (var writer = new Utf8JsonWriter(ms))
            ExplanationFormatter.WriteJson(writer, e);
        using var doc = JsonDocument.Parse(ms.ToArray());
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("enhancedMeaning").ValueKind);
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("provider").ValueKind);
    }
}
