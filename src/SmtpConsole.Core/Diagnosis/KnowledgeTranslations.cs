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
    private static readonly Lazy<TranslationFile> Chinese = new(() => Load(ChineseResource));

    /// <summary>One translation file, read once: entry texts by entry id and provider names by provider id.</summary>
    private sealed record TranslationFile(IReadOnlyDictionary<string, LocalizedEntryText> Entries, IReadOnlyDictionary<string, string> ProviderNames);

    /// <summary>The entry's text in <paramref name="language"/>; null for English or when not translated yet.</summary>
    public static LocalizedEntryText? Find(string entryId, UiLanguage language) =>
        language == UiLanguage.SimplifiedChinese && Chinese.Value.Entries.TryGetValue(entryId, out var text) ? text : null;

    /// <summary>
    /// The provider's name as a reader of <paramref name="language"/> knows it ("网易 163 邮箱" for NetEase 163 Mail); null for
    /// English or when the translation names none.
    /// </summary>
    public static string? ProviderName(string providerId, UiLanguage language) =>
        language == UiLanguage.SimplifiedChinese && Chinese.Value.ProviderNames.TryGetValue(providerId, out var name) ? name : null;

    /// <summary>Every translated provider name of <paramref name="language"/>, by provider id (empty for English).</summary>
    public static IReadOnlyDictionary<string, string> ProviderNames(UiLanguage language) =>
        language == UiLanguage.SimplifiedChinese ? Chinese.Value.ProviderNames : new Dictionary<string, string>();

    /// <summary>Every translated entry of <paramref name="language"/> (empty for English).</summary>
    public static IReadOnlyDictionary<string, LocalizedEntryText> All(UiLanguage language) =>
        language == UiLanguage.SimplifiedChinese ? Chinese.Value.Entries : new Dictionary<string, LocalizedEntryText>();

    /// <summary>Reads a translation file (entries and the optional provider names); JsonDocument keeps it free of reflection (Native AOT).</summary>
    private static TranslationFile Load(string resource)
    {
        using var stream = Open(resource);
        using var document = JsonDocument.Parse(stream, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
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
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (document.RootElement.TryGetProperty("providers", out var providers))
        {
            foreach (var provider in providers.EnumerateObject())
            {
                if (provider.Value.GetString() is { Length: > 0 } name) names[provider.Name] = name;
            }
        }
        return new TranslationFile(entries, names);
    }

    private static Stream Open(string resource) => typeof(KnowledgeTranslations).Assembly.GetManifestResourceStream(resource)
        ?? throw new InvalidOperationException($"the translation resource {resource} is missing from the build");
}
