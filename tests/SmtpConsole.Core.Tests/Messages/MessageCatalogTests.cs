using System.Text.RegularExpressions;
using SmtpConsole.Core.Messages;

namespace SmtpConsole.Core.Tests.Messages;

/// <summary>Every key has a Chinese text with exactly the English placeholders; nothing is Chinese-only.</summary>
public partial class MessageCatalogTests
{
    [Fact]
    public void Catalogue_IsEmbeddedForBothLanguages()
    {
        Assert.NotEmpty(MessageCatalog.Entries(UiLanguage.English));
        Assert.NotEmpty(MessageCatalog.Entries(UiLanguage.SimplifiedChinese));
    }

    [Fact]
    public void EveryKey_HasAChineseText()
    {
        var chinese = MessageCatalog.Entries(UiLanguage.SimplifiedChinese);
        var missing = MessageCatalog.Entries(UiLanguage.English).Keys.Where(key => !chinese.TryGetValue(key, out var text) || string.IsNullOrWhiteSpace(text)).ToList();
        Assert.True(missing.Count == 0, "keys without a Chinese text: " + string.Join(", ", missing));
    }

    [Fact]
    public void NoKey_IsChineseOnly()
    {
        var english = MessageCatalog.Entries(UiLanguage.English);
        Assert.DoesNotContain(MessageCatalog.Entries(UiLanguage.SimplifiedChinese).Keys, key => !english.ContainsKey(key));
    }

    [Fact]
    public void Placeholders_AreTheSameInBothLanguages()
    {
        var chinese = MessageCatalog.Entries(UiLanguage.SimplifiedChinese);
        var different = MessageCatalog.Entries(UiLanguage.English)
            .Where(entry => chinese.TryGetValue(entry.Key, out var text) && !Placeholders(entry.Value).SequenceEqual(Placeholders(text)))
            .Select(entry => entry.Key)
            .ToList();
        Assert.True(different.Count == 0, "placeholders differ in: " + string.Join(", ", different));
    }

    [Fact]
    public void Placeholders_CheckCatchesADroppedArgument()
    {
        Assert.NotEqual(Placeholders("{0} failure(s), {1} warning(s)"), Placeholders("{0} 个失败项"));
        Assert.Equal(Placeholders("{1} and {0:N0}"), Placeholders("{0:N0} 和 {1}"));
    }

    [Fact]
    public void Format_FillsPlaceholdersAndFallsBackToTheKey()
    {
        Assert.Equal("2 failure(s), 1 warning(s)", MessageCatalog.Format(UiLanguage.English, "Doctor.Summary", 2, 1));
        Assert.Equal("2 个失败项，1 个警告", MessageCatalog.Format(UiLanguage.SimplifiedChinese, "Doctor.Summary", 2, 1));
        Assert.Equal("No.Such.Key", MessageCatalog.Get("No.Such.Key", UiLanguage.SimplifiedChinese));
    }

    /// <summary>The set of placeholders ({0}, {1:N0}…) a format string uses, in index order.</summary>
    private static List<string> Placeholders(string text) =>
        [.. PlaceholderPattern().Matches(text).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\{\d+(?:,-?\d+)?(?::[^}]*)?\}")]
    private static partial Regex PlaceholderPattern();
}
