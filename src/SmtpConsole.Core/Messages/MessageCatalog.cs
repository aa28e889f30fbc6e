using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text;

namespace SmtpConsole.Core.Messages;

/// <summary>
/// The console's user-facing texts, one catalogue per language, as standard .NET resources: <c>Strings.resx</c>
/// (English) and <c>Strings.zh-CN.resx</c>. Both are embedded in this assembly under their own names, not as a
/// satellite assembly, so no culture data is needed at run time (the executable runs with invariant globalization)
/// and Native AOT keeps them without extra configuration. A key missing in Chinese falls back to English; a key
/// missing everywhere shows as itself, so a typo is visible instead of blank.
/// </summary>
public static class MessageCatalog
{
    private const string BaseName = "SmtpConsole.Core.Messages.Strings";
    private static readonly ResourceManager English = new(BaseName, typeof(MessageCatalog).Assembly);
    private static readonly ResourceManager Chinese = new(BaseName + ".zh-CN", typeof(MessageCatalog).Assembly);

    /// <summary>The text for <paramref name="key"/> in <paramref name="language"/>.</summary>
    public static string Get(string key, UiLanguage language) =>
        (language == UiLanguage.SimplifiedChinese ? Chinese.GetString(key, CultureInfo.InvariantCulture) : null)
        ?? English.GetString(key, CultureInfo.InvariantCulture)
        ?? key;

    /// <summary>The text for <paramref name="key"/> with its <c>{0}</c>… placeholders filled in (invariant formatting).</summary>
    public static string Format(UiLanguage language, string key, params object?[] args) =>
        (language == UiLanguage.SimplifiedChinese ? ChineseFormats : EnglishFormats)
            .GetOrAdd(key, static (k, language) => new CatalogFormat(Get(k, language)), language).Format(args);

    // Parsed once per text: a pipelined group formats the same "reply to …" note 10,000 times. One table per language
    // with plain string keys: a (language, key) tuple key cost more to look up than the formatting itself.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, CatalogFormat> EnglishFormats = new(StringComparer.Ordinal);
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, CatalogFormat> ChineseFormats = new(StringComparer.Ordinal);

    /// <summary>Whether the catalogue has <paramref name="key"/> (in English, the reference language).</summary>
    public static bool Has(string key) => English.GetString(key, CultureInfo.InvariantCulture) is not null;

    /// <summary>Every key and text of one language's own resources (no fallback), for the completeness tests.</summary>
    public static IReadOnlyDictionary<string, string> Entries(UiLanguage language)
    {
        var manager = language == UiLanguage.SimplifiedChinese ? Chinese : English;
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        // Not disposed: the manager caches this set and serves every later lookup from it.
        var set = manager.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false);
        if (set is null) return entries;
        foreach (DictionaryEntry entry in set)
        {
            if (entry.Key is string key && entry.Value is string text) entries[key] = text;
        }
        return entries;
    }
}
