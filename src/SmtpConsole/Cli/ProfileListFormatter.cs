using System.Globalization;
using SmtpConsole.Core.Messages;
using SmtpConsole.Core.Profiles;

namespace SmtpConsole.Cli;

/// <summary>Renders <c>smtpconsole profiles</c>: one row per profile, then where profiles were searched and any problems.</summary>
public static class ProfileListFormatter
{
    /// <summary>The lines to print, without trailing newlines.</summary>
    public static IReadOnlyList<string> Format(ProfileCatalog catalog, UiLanguage language = UiLanguage.English)
    {
        string Say(string key) => MessageCatalog.Get("Profiles." + key, language);
        ArgumentNullException.ThrowIfNull(catalog);
        var rows = new List<string[]> { new[] { Say("Header.Name"), Say("Header.Host"), Say("Header.Port"), Say("Header.Security"), Say("Header.DefinedIn") } };
        var entries = catalog.Profiles.Select(profile => (Name: profile.Name, Row: ValidRow(catalog, profile, language)))
            .Concat(catalog.InvalidProfileNames.Select(name => (Name: name, Row: InvalidRow(catalog, name, language))))
            .OrderBy(entry => entry.Name, StringComparer.OrdinalIgnoreCase);
        rows.AddRange(entries.Select(entry => entry.Row));

        var lines = new List<string>();
        if (rows.Count == 1)
            lines.Add(Say("NoProfiles"));
        else
            lines.AddRange(ProfileTextTable.Format(rows));

        lines.Add(string.Empty);
        lines.Add(Say("Searched"));
        lines.AddRange(catalog.SearchedLocations.Select(location => "  " + location));
        lines.AddRange(FormatDiagnostics(catalog.Diagnostics, language));
        return lines;
    }

    /// <summary>A blank line, a count, then each diagnostic indented; nothing when there are none.</summary>
    internal static IEnumerable<string> FormatDiagnostics(IReadOnlyList<ProfileDiagnostic> diagnostics, UiLanguage language = UiLanguage.English)
    {
        if (diagnostics.Count == 0)
            yield break;

        var errors = diagnostics.Count(diagnostic => diagnostic.IsError);
        var warnings = diagnostics.Count - errors;
        yield return string.Empty;
        yield return MessageCatalog.Format(language, "Profiles.DiagnosticCount", Count(errors, "Errors", language), Count(warnings, "Warnings", language));
        foreach (var diagnostic in diagnostics)
            yield return "  " + diagnostic;
    }

    private static string Count(int count, string noun, UiLanguage language) =>
        MessageCatalog.Format(language, $"Profiles.{noun}.{(count == 1 ? "One" : "Other")}", count);

    private static string[] ValidRow(ProfileCatalog catalog, ConnectionProfile profile, UiLanguage language) =>
    [
        profile.Name,
        profile.Host ?? (profile.IsBuiltin ? MessageCatalog.Format(language, "Profiles.Builtin", profile.Builtin) : "-"),
        profile.Port?.ToString(CultureInfo.InvariantCulture) ?? (profile.IsBuiltin ? MessageCatalog.Get("Profiles.AutoPort", language) : "-"),
        ProfileValueParsers.FormatSecurity(profile.Security),
        DefinedIn(catalog, profile.Name, language),
    ];

    private static string[] InvalidRow(ProfileCatalog catalog, string name, UiLanguage language) =>
    [
        name + MessageCatalog.Get("Profiles.Invalid.Suffix", language),
        catalog.RawValue(name, "host") ?? "-",
        catalog.RawValue(name, "port") ?? "-",
        catalog.RawValue(name, "security") ?? "-",
        DefinedIn(catalog, name, language),
    ];

    /// <summary>Where a profile is defined, each layer worded in <paramref name="language"/> (a --profile-file keeps its path).</summary>
    private static string DefinedIn(ProfileCatalog catalog, string name, UiLanguage language) =>
        string.Join(", ", catalog.DefiningSources(name).Select(source => ProfileLayerWording.Label(source.Layer, source.Label, language)).Distinct(StringComparer.Ordinal));
}
