using SmtpConsole.Core.Messages;
using SmtpConsole.Core.Profiles;

namespace SmtpConsole.Cli;

/// <summary>Renders <c>smtpconsole profiles show NAME</c>: the merged profile, where each value came from, notes and documentation.</summary>
public static class ProfileShowFormatter
{
    // Long or multi-valued fields get their own sections instead of a table row.
    private static readonly HashSet<string> SectionFields = new(StringComparer.OrdinalIgnoreCase)
    {
        "description", "notes.connect", "notes.failure", "docs", "sources",
        "zh-CN.description", "zh-CN.notes.connect", "zh-CN.notes.failure",
    };

    private static readonly string[] AlwaysShown = ["host", "port", "security"];

    /// <summary>The lines to print, without trailing newlines. For an unknown name: the closest names.</summary>
    public static IReadOnlyList<string> Format(ProfileCatalog catalog, string name, UiLanguage language = UiLanguage.English)
    {
        string Say(string key, params object?[] args) => MessageCatalog.Format(language, "Profiles." + key, args);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(name);
        var lines = new List<string>();
        if (!catalog.Contains(name))
        {
            lines.Add(Say("NotFound", name));
            var suggestions = catalog.Suggest(name);
            if (suggestions.Count > 0)
                lines.Add(Say("DidYouMean", string.Join(", ", suggestions)));
            lines.Add(Say("RunList"));
            return lines;
        }

        var display = catalog.DisplayName(name);
        var origins = catalog.Explain(display);
        bool chinese = language == UiLanguage.SimplifiedChinese;
        var description = (chinese ? catalog.ChineseValue(display, "description") : null)
            ?? origins.FirstOrDefault(origin => origin.Field == "description")?.Value;
        lines.Add(description is null ? Say("Title", display) : Say("TitleWithDescription", display, description));
        if (catalog.IsInvalid(display))
            lines.Add(Say("Invalid"));

        var rows = new List<string[]> { new[] { Say("Header.Field"), Say("Header.Value"), Say("Header.From") } };
        foreach (var origin in origins)
        {
            if (SectionFields.Contains(origin.Field))
                continue;
            if (origin.Value is null && !AlwaysShown.Contains(origin.Field, StringComparer.OrdinalIgnoreCase))
                continue;
            rows.Add([origin.Field, origin.Value ?? "-", DescribeOrigin(origin, language)]);
        }

        lines.Add(string.Empty);
        lines.AddRange(ProfileTextTable.Format(rows, "  "));

        AddListSection(lines, Say("WhenConnecting"), Notes(catalog, display, "connect", chinese, origins, out var connectFrom), origins, connectFrom, language);
        AddListSection(lines, Say("WhenFailing"), Notes(catalog, display, "failure", chinese, origins, out var failureFrom), origins, failureFrom, language);

        var docs = origins.FirstOrDefault(origin => origin.Field == "docs");
        if (docs?.Value is not null)
        {
            lines.Add(string.Empty);
            lines.Add(Say("Documentation", docs.Value));
        }

        AddListSection(lines, Say("Sources"), catalog.RawList(display, "sources"), origins, "sources", language);
        lines.AddRange(ProfileListFormatter.FormatDiagnostics(catalog.DiagnosticsFor(display), language));
        return lines;
    }

    /// <summary>
    /// Short description of where a value came from, e.g. <c>shipped gmail.json:7</c> or
    /// <c>env SMTPCONSOLE__PROFILES__GMAIL__PORT</c>; the layer is worded in <paramref name="language"/> (JSON keeps English).
    /// </summary>
    public static string DescribeOrigin(ProfileValueOrigin origin, UiLanguage language = UiLanguage.English)
    {
        ArgumentNullException.ThrowIfNull(origin);
        var line = origin.Line is int number ? ":" + number.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty;
        string Layer() => origin.Layer is { } layer ? ProfileLayerWording.Label(layer, string.Empty, language) : string.Empty;
        return origin.Layer switch
        {
            ProfileLayer.Shipped => $"{Layer()} {Path.GetFileName(origin.Source)}{line}",
            ProfileLayer.User => $"{Layer()} {origin.Source}{line}",
            ProfileLayer.ProfileFile => $"--profile-file {origin.Source}{line}",
            ProfileLayer.Environment => $"{Layer()} {origin.Source}",
            ProfileLayer.CommandLine => Layer(),
            _ => string.Empty,
        };
    }

    /// <summary>A notes list in Chinese when the profile has it (and the field its origin is read from), else in English.</summary>
    private static IReadOnlyList<string> Notes(ProfileCatalog catalog, string display, string list, bool chinese, IReadOnlyList<ProfileValueOrigin> origins, out string field)
    {
        if (chinese && catalog.ChineseList(display, "notes:" + list) is { Count: > 0 } translated)
        {
            field = "zh-CN.notes." + list;
            return translated;
        }
        field = "notes." + list;
        return catalog.RawList(display, "notes:" + list);
    }

    private static void AddListSection(List<string> lines, string title, IReadOnlyList<string> items, IReadOnlyList<ProfileValueOrigin> origins, string field, UiLanguage language)
    {
        if (items.Count == 0)
            return;
        var origin = origins.FirstOrDefault(candidate => candidate.Field == field);
        var from = origin is null ? string.Empty : DescribeOrigin(origin, language);
        lines.Add(string.Empty);
        lines.Add(from.Length == 0 ? title + ":" : $"{title} ({from}):");
        lines.AddRange(items.Select(item => "  - " + item));
    }
}
