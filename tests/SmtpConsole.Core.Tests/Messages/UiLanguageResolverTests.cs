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
    public void Resolve_ExplicitChoiceBeatsVariableBeatsPinBeatsLocale()
    {
        var chineseLocale = Env(("LANG", "zh_CN.UTF-8"), (UiLanguageResolver.PinVariable, "zh-CN"));
        Assert.Equal(UiLanguage.English, UiLanguageResolver.Resolve("en", "zh-CN", chineseLocale));
        // Issue 18 set the order on purpose: SMTPCONSOLE_LANG (set for this shell) beats a pin written in a file.
        Assert.Equal(UiLanguage.SimplifiedChinese, UiLanguageResolver.Resolve(null, "en", chineseLocale));
        Assert.Equal(UiLanguage.English, UiLanguageResolver.Resolve(null, "en", Env(("LANG", "zh_CN.UTF-8"))));
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

    /// <summary>
    /// The whole order, one row per rule: --lang, SMTPCONSOLE_LANG, the profile's pin, the user config's pin, LANG
    /// ("-" for unset), then the language that must win.
    /// </summary>
    [Theory]
    [InlineData("en", "zh-CN", "zh-CN", "zh-CN", "zh_CN.UTF-8", "en")]
    [InlineData("zh-CN", "en", "en", "en", "C", "zh-CN")]
    [InlineData("-", "zh-CN", "en", "en", "C", "zh-CN")]
    [InlineData("-", "en", "zh-CN", "zh-CN", "zh_CN.UTF-8", "en")]
    [InlineData("-", "-", "zh-CN", "en", "C", "zh-CN")]
    [InlineData("-", "-", "en", "zh-CN", "zh_CN.UTF-8", "en")]
    [InlineData("-", "-", "-", "zh-CN", "en_US.UTF-8", "zh-CN")]
    [InlineData("-", "-", "-", "en", "zh_CN.UTF-8", "en")]
    [InlineData("-", "-", "-", "-", "zh_CN.UTF-8", "zh-CN")]
    [InlineData("-", "-", "-", "-", "C", "en")]
    [InlineData("-", "-", "-", "-", "-", "en")]
    public void Resolve_PrecedenceTable(string lang, string variable, string profile, string config, string locale, string expected)
    {
        string? Given(string value) => value == "-" ? null : value;
        var environment = Env([.. new[] { (UiLanguageResolver.PinVariable, variable), ("LANG", locale) }.Where(v => v.Item2 != "-")]);
        var language = UiLanguageResolver.Resolve(Given(lang), environment,
            () => Given(profile) is { } p ? new LanguagePin(p, "profiles/mine.json(4)") : null,
            () => Given(config) is { } c ? new LanguagePin(c, "config.json") : null);
        Assert.Equal(expected, language.Tag());
    }

    [Fact]
    public void Resolve_ReadsAPinOnlyWhenEverythingAboveItSaidNothing()
    {
        bool profileRead = false;
        var language = UiLanguageResolver.Resolve("zh-CN", Env(), () => { profileRead = true; return null; });
        Assert.Equal(UiLanguage.SimplifiedChinese, language);
        Assert.False(profileRead, "--lang decided: the profile must not be loaded");
    }

    [Fact]
    public void Resolve_BadPinnedValue_NamesWhereItIsWritten_AndTheAllowedValues()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            UiLanguageResolver.Resolve(null, Env(("LANG", "zh_CN.UTF-8")), () => null, () => new LanguagePin("klingon", "/test-home/.config/smtpconsole/config.json")));
        Assert.Equal("/test-home/.config/smtpconsole/config.json: unknown language \"klingon\" (use zh-CN or en)", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }
}
