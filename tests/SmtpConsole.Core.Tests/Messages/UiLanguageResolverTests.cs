using SmtpConsole.Core.Messages;

namespace SmtpConsole.Core.Tests.Messages;

public class UiLanguageResolverTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    [Theory]
    [InlineData("zh_CN.UTF-8")]
    [InlineData("zh_CN.GB18030")]
    [InlineData("zh_SG")]
    [InlineData("zh")]
    [InlineData("zh_TW.UTF-8")]
    [InlineData("zh_HK")]
    public void Resolve_ChineseLang_IsSimplifiedChinese(string lang) =>
        Assert.Equal(UiLanguage.SimplifiedChinese, UiLanguageResolver.Resolve(null, null, Env(("LANG", lang))));

    [Theory]
    [InlineData("en_US.UTF-8")]
    [InlineData("C")]
    [InlineData("C.UTF-8")]
    [InlineData("POSIX")]
    [InlineData("de_DE.UTF-8")]
    public void Resolve_OtherLang_StaysEnglish(string lang) =>
        Assert.Equal(UiLanguage.English, UiLanguageResolver.Resolve(null, null, Env(("LANG", lang))));

    [Fact]
    public void Resolve_NothingSet_IsEnglish() => Assert.Equal(UiLanguage.English, UiLanguageResolver.Resolve(null, null, Env()));

    [Fact]
    public void Resolve_LcAllBeatsLcMessagesBeatsLang()
    {
        Assert.Equal(UiLanguage.English, UiLanguageResolver.Resolve(null, null, Env(("LC_ALL", "C"), ("LC_MESSAGES", "zh_CN.UTF-8"), ("LANG", "zh_CN.UTF-8"))));
        Assert.Equal(UiLanguage.SimplifiedChinese, UiLanguageResolver.Resolve(null, null, Env(("LC_MESSAGES", "zh_CN.UTF-8"), ("LANG", "en_US.UTF-8"))));
        Assert.Equal(UiLanguage.English, UiLanguageResolver.Resolve(null, null, Env(("LC_MESSAGES", "en_US.UTF-8"), ("LANG", "zh_CN.UTF-8"))));
    }

    [Fact]
    public void Resolve_ExplicitChoiceBeatsPinBeatsEnvironment()
    {
        var chineseLocale = Env(("LANG", "zh_CN.UTF-8"), (UiLanguageResolver.PinVariable, "zh-CN"));
        Assert.Equal(UiLanguage.English, UiLanguageResolver.Resolve("en", "zh-CN", chineseLocale));
        Assert.Equal(UiLanguage.English, UiLanguageResolver.Resolve(null, "en", chineseLocale));
        Assert.Equal(UiLanguage.SimplifiedChinese, UiLanguageResolver.Resolve("zh-CN", null, Env(("LANG", "C"))));
        Assert.Equal(UiLanguage.English, UiLanguageResolver.Resolve(null, null, Env(("LANG", "zh_CN.UTF-8"), (UiLanguageResolver.PinVariable, "en"))));
    }

    [Theory]
    [InlineData("klingon")]
    [InlineData("fr")]
    public void Resolve_UnknownExplicitLanguage_IsAClearError(string name)
    {
        var error = Assert.Throws<ArgumentException>(() => UiLanguageResolver.Resolve(name, null, Env()));
        Assert.Contains("zh-CN", error.Message, StringComparison.Ordinal);
        Assert.Contains(name, error.Message, StringComparison.Ordinal);
    }
}
