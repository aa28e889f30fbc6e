using System.Globalization;
using System.Text.Json;
using SmtpConsole.Core.Messages;

namespace SmtpConsole.Core.Diagnosis;

/// <summary>A registry entry's title and description in another language (reply codes have a title only).</summary>
/// <param name="Title">Translated title.</param>
/// <param name="Description">Translated description; null where the English has none (reply codes).</param>
public sealed record LocalizedStatusText(string Title, string? Description);

/// <summary>Every translated entry of one language, keyed like the registry: class and subject numbers, <c>X.Y.Z</c>, reply codes.</summary>
/// <param name="Classes">Classes 2, 4, 5.</param>
/// <param name="Subjects">Subjects 0-7.</param>
/// <param name="Codes">Enhanced codes keyed <c>X.Y.Z</c>.</param>
/// <param name="ReplyCodes">Basic reply codes.</param>
public sealed record StatusCodeTranslationSet(
    IReadOnlyDictionary<int, LocalizedStatusText> Classes,
    IReadOnlyDictionary<int, LocalizedStatusText> Subjects,
    IReadOnlyDictionary<string, LocalizedStatusText> Codes,
    IReadOnlyDictionary<int, LocalizedStatusText> ReplyCodes);

/// <summary>
/// Translations of the IANA status code registry texts (<c>Translations/status-codes.zh-CN.json</c>), kept apart from
/// the English data like <see cref="KnowledgeTranslations"/>. Only text output uses them: <c>--json</c> keeps the
/// registry's English. Anything not translated is shown in English.
/// </summary>
public static class StatusCodeTranslations
{
    private const string ChineseResource = "SmtpConsole.Diagnosis.Translations.status-codes.zh-CN.json";
    private static readonly Lazy<StatusCodeTranslationSet> Chinese = new(() => Load(ChineseResource));

    /// <summary>Every translated entry of <paramref name="language"/>; null for English.</summary>
    public static StatusCodeTranslationSet? All(UiLanguage language) =>
        language == UiLanguage.SimplifiedChinese ? Chinese.Value : null;

    /// <summary>The class's title in <paramref name="language"/> (English when not translated).</summary>
    public static string ClassTitle(StatusCategoryMeaning meaning, UiLanguage language)
    {
        ArgumentNullException.ThrowIfNull(meaning);
        return All(language) is { } set && set.Classes.TryGetValue(meaning.Number, out var text) ? text.Title : meaning.Title;
    }

    /// <summary>The subject's title in <paramref name="language"/> (English when not translated).</summary>
    public static string SubjectTitle(StatusCategoryMeaning meaning, UiLanguage language)
    {
        ArgumentNullException.ThrowIfNull(meaning);
        return All(language) is { } set && set.Subjects.TryGetValue(meaning.Number, out var text) ? text.Title : meaning.Title;
    }

    /// <summary>The enhanced code's title in <paramref name="language"/> (English when not translated).</summary>
    public static string Title(EnhancedStatusMeaning meaning, UiLanguage language)
    {
        ArgumentNullException.ThrowIfNull(meaning);
        return Find(meaning, language)?.Title ?? meaning.Title;
    }

    /// <summary>The enhanced code's description in <paramref name="language"/> (English when not translated).</summary>
    public static string Description(EnhancedStatusMeaning meaning, UiLanguage language)
    {
        ArgumentNullException.ThrowIfNull(meaning);
        return Find(meaning, language)?.Description ?? meaning.Description;
    }

    /// <summary>The reply code's title in <paramref name="language"/> (English when not translated).</summary>
    public static string Title(ReplyCodeMeaning meaning, UiLanguage language)
    {
        ArgumentNullException.ThrowIfNull(meaning);
        return All(language) is { } set && set.ReplyCodes.TryGetValue(meaning.Code, out var text) ? text.Title : meaning.Title;
    }

    /// <summary>"title (RFC): description" in <paramref name="language"/>, with full-width punctuation in Chinese.</summary>
    public static string Describe(EnhancedStatusMeaning meaning, UiLanguage language) =>
        language == UiLanguage.SimplifiedChinese
            ? $"{Title(meaning, language)}（{meaning.Rfc}）：{Description(meaning, language)}"
            : $"{meaning.Title} ({meaning.Rfc}): {meaning.Description}";

    private static LocalizedStatusText? Find(EnhancedStatusMeaning meaning, UiLanguage language) =>
        All(language) is { } set && set.Codes.TryGetValue(meaning.Code, out var text) ? text : null;

    /// <summary>Reads a translation file; JsonDocument keeps it free of reflection (Native AOT).</summary>
    internal static StatusCodeTranslationSet Parse(Stream json)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var root = document.RootElement;
        return new StatusCodeTranslationSet(
            ReadNumbered(root, "classes"),
            ReadNumbered(root, "subjects"),
            Read(root, "codes", StringComparer.OrdinalIgnoreCase),
            ReadNumbered(root, "replyCodes"));
    }

    private static Dictionary<string, LocalizedStatusText> Read(JsonElement root, string section, StringComparer comparer)
    {
        var entries = new Dictionary<string, LocalizedStatusText>(comparer);
        if (!root.TryGetProperty(section, out var items)) return entries;
        foreach (var item in items.EnumerateObject())
            entries[item.Name] = new LocalizedStatusText(
                item.Value.GetProperty("title").GetString() ?? string.Empty,
                item.Value.TryGetProperty("description", out var description) ? description.GetString() : null);
        return entries;
    }

    private static Dictionary<int, LocalizedStatusText> ReadNumbered(JsonElement root, string section) =>
        Read(root, section, StringComparer.Ordinal).ToDictionary(
            pair => int.Parse(pair.Key, NumberStyles.None, CultureInfo.InvariantCulture), pair => pair.Value);

    private static StatusCodeTranslationSet Load(string resource)
    {
        using var stream = typeof(StatusCodeTranslations).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"the translation resource {resource} is missing from the build");
        return Parse(stream);
    }
}
