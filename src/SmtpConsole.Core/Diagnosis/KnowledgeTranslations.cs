using System.Text.Json;
using SmtpConsole.Core.Messages;

namespace SmtpConsole.Core.Diagnosis;

/// <summary>
/// Translations of knowledge-base entries, kept apart from the English data (<c>Translations/knowledge.zh-CN.json</c>,
/// keyed by entry id) so the knowledge base and its translation can change independently. An entry without a
/// translation is shown in English.
/// </summary>
public static class KnowledgeTranslations
{
    private const string ChineseResource = "SmtpConsole.Diagnosis.Translations.knowledge.zh-CN.json";
    private static readonly Lazy<IReadOnlyDictionary<string, LocalizedEntryText>> Chinese = new(() => Load(ChineseResource));
    private static readonly Lazy<IReadOnlyDictionary<string, string>> ChineseProviderNames = new(() => LoadProviderNames(ChineseResource));

    /// <summary>The entry's text in <paramref name="language"/>; null for English or when not translated yet.</summary>
    public static LocalizedEntryText? Find(string entryId, UiLanguage language) =>
        language == UiLanguage.SimplifiedChinese && Chinese.Value.TryGetValue(entryId, out var text) ? text : null;

    /// <summary>
    /// The provider's name as a reader of <paramref name="language"/> knows it ("网易 163 邮箱" for NetEase 163 Mail); null for
    /// English or when the translation names none.
    /// </summary>
    public static string? ProviderName(string providerId, UiLanguage language) =>
        language == UiLanguage.SimplifiedChinese && ChineseProviderNames.Value.TryGetValue(providerId, out var name) ? name : null;

    /// <summary>Every translated provider name of <paramref name="language"/>, by provider id (empty for English).</summary>
    public static IReadOnlyDictionary<string, string> ProviderNames(UiLanguage language) =>
        language == UiLanguage.SimplifiedChinese ? ChineseProviderNames.Value : new Dictionary<string, string>();

    /// <summary>Every translated entry of <paramref name="language"/> (empty for English).</summary>
    public static IReadOnlyDictionary<string, LocalizedEntryText> All(UiLanguage language) =>
        language == UiLanguage.SimplifiedChinese ? Chinese.Value : new Dictionary<string, LocalizedEntryText>();

    /// <summary>Reads a translation file; JsonDocument keeps it free of reflection (Native AOT).</summary>
    internal static IReadOnlyDictionary<string, LocalizedEntryText> Parse(Stream json)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var entries = new Dictionary<string, LocalizedEntryText>(StringComparer.Ordinal);
        foreach (var entry in document.RootElement.GetProperty("entries").EnumerateObject())
        {
            var value = entry.Value;
            entries[entry.Name] = new LocalizedEntryText(
                value.GetProperty("title").GetString() ?? string.Empty,
                value.GetProperty("cause").GetString() ?? string.Empty,
                [.. value.GetProperty("fix").EnumerateArray().Select(step => step.GetString() ?? string.Empty)],
                value.TryGetProperty("hint", out var hint) ? hint.GetString() : null);
        }
        return entries;
    }

    /// <summary>Reads the optional <c>providers</c> object (provider id → name) of a translation file.</summary>
    internal static IReadOnlyDictionary<string, string> ParseProviderNames(Stream json)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (document.RootElement.TryGetProperty("providers", out var providers))
        {
            foreach (var provider in providers.EnumerateObject())
            {
                if (provider.Value.GetString() is { Length: > 0 } name) names[provider.Name] = name;
            }
        }
        return names;
    }

    private static IReadOnlyDictionary<string, LocalizedEntryText> Load(string resource)
    {
        using var stream = Open(resource);
        return Parse(stream);
    }

    private static IReadOnlyDictionary<string, string> LoadProviderNames(string resource)
    {
        using var stream = Open(resource);
        return ParseProviderNames(stream);
    }

    private static Stream Open(string resource) => typeof(KnowledgeTranslations).Assembly.GetManifestResourceStream(resource)
        ?? throw new InvalidOperationException($"the translation resource {resource} is missing from the build");
}
