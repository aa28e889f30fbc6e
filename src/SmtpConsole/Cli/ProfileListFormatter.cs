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
        var entries = catalog.Profiles.Select(profile => (Name: profile.Name, Row: ValidRow(catalog, profile)))
            .Concat(catalog.InvalidProfileNames.Select(name => (Name: name, Row: InvalidRow(catalog, name))))
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
        lines.AddRange(FormatDiagnostics(catalog.Diagnostics));
        return lines;
    }

    /// <summary>A blank line, a count, then each diagnostic indented; nothing when there are none.</summary>
    internal static IEnumerable<string> FormatDiagnostics(IReadOnlyList<ProfileDiagnostic> diagnostics)
    {
        if (diagnostics.Count == 0)
            yield break;

        var errors = diagnostics.Count(diagnostic => diagnostic.IsError);
        var warnings = diagnostics.Count - errors;
        yield return string.Empty;
        yield return $"{Count(errors, "error")}, {Count(warnings, "warning")}:";
        foreach (var diagnostic in diagnostics)
            yield return "  " + diagnostic;
    }

    private static string Count(int count, string noun) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? string.Empty : "s");

    private static string[] ValidRow(ProfileCatalog catalog, ConnectionProfile profile) =>
    [
        profile.Name,
        profile.Host ?? (profile.IsBuiltin ? $"(built-in {profile.Builtin})" : "-"),
        profile.Port?.ToString(CultureInfo.InvariantCulture) ?? (profile.IsBuiltin ? "auto" : "-"),
        ProfileValueParsers.FormatSecurity(profile.Security),
        catalog.DescribeDefinition(profile.Name),
    ];

    private static string[] InvalidRow(ProfileCatalog catalog, string name) =>
    [
        name + " (invalid)",
        catalog.RawValue(name, "host") ?? "-",
        catalog.RawValue(name, "port") ?? "-",
        catalog.RawValue(name, "security") ?? "-",
        catalog.DescribeDefinition(name),
    ];
}
