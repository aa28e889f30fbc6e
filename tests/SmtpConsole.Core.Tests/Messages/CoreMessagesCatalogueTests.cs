using System.Reflection;
using SmtpConsole.Core.Messages;

namespace SmtpConsole.Core.Tests.Messages;

/// <summary>The engine's messages come from the one resx catalogue: each member has a <c>Core.*</c> key in both languages.</summary>
public class CoreMessagesCatalogueTests
{
    public static TheoryData<string> Members() =>
        [.. typeof(CoreMessages).GetMembers(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m is PropertyInfo { PropertyType: var t } && t == typeof(string) || m is MethodInfo { ReturnType: var r, IsSpecialName: false } && r == typeof(string))
            .Select(m => m.Name)
            .Distinct()];

    [Theory]
    [MemberData(nameof(Members))]
    public void Member_ReadsItsTextFromTheCatalogue(string name)
    {
        string key = "Core." + name;
        Assert.True(MessageCatalog.Entries(UiLanguage.English).ContainsKey(key), key + " missing in Strings.resx");
        Assert.True(MessageCatalog.Entries(UiLanguage.SimplifiedChinese).ContainsKey(key), key + " missing in Strings.zh-CN.resx");

        var member = typeof(CoreMessages).GetMember(name, BindingFlags.Public | BindingFlags.Static)[0];
        string shown = member switch
        {
            PropertyInfo p => (string)p.GetValue(null)!,
            MethodInfo m => (string)m.Invoke(null, [.. m.GetParameters().Select(_ => (object?)"ARG")])!,
            _ => throw new InvalidOperationException(name),
        };
        string[] args = [.. Enumerable.Repeat("ARG", member is MethodInfo mi ? mi.GetParameters().Length : 0)];
        Assert.Equal(MessageCatalog.Format(UiLanguage.English, key, args), shown);
    }

    [Fact]
    public void ChineseTexts_KeepProtocolWordsInEnglish()
    {
        Assert.Contains("EHLO", MessageCatalog.Get("Core.HintEhloMissing", UiLanguage.SimplifiedChinese));
        Assert.Contains("STARTTLS", MessageCatalog.Get("Core.HintAuthNeedsTls", UiLanguage.SimplifiedChinese));
        Assert.Equal("缺少 EHLO：在 AUTH 之前先发送带主机名的 EHLO", MessageCatalog.Format(UiLanguage.SimplifiedChinese, "Core.HintEhloFirst", "AUTH"));
    }
}
