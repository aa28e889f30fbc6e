using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace SmtpConsole.Core.Profiles;

/// <summary>
/// All connection profiles, merged from the shipped folder, the user's folder, an extra file, the environment
/// and command-line flags (in that order of precedence), with every problem found along the way.
/// Loading never throws for bad input: broken files are skipped and invalid profiles left out, each with a
/// diagnostic that names the file, line and what to change.
/// </summary>
public sealed class ProfileCatalog
{
    // A profile file is a few kilobytes; anything this large is a wrong path, not a profile file.
    private const long MaximumFileBytes = 4 * 1024 * 1024;

    private readonly ProfileResolver _resolver;
    private readonly Dictionary<string, ConnectionProfile> _profilesByName;
    private readonly Dictionary<string, string> _displayNames;

    private ProfileCatalog(
        ProfileSources sources,
        ProfileResolver resolver,
        List<ConnectionProfile> profiles,
        List<string> invalidNames,
        List<ProfileDiagnostic> diagnostics,
        Dictionary<string, string> displayNames,
        List<string> searchedLocations)
    {
        Sources = sources;
        _resolver = resolver;
        _displayNames = displayNames;
        _profilesByName = profiles.ToDictionary(profile => profile.Name, StringComparer.OrdinalIgnoreCase);
        Profiles = profiles.OrderBy(profile => profile.Name, StringComparer.OrdinalIgnoreCase).ToList();
        InvalidProfileNames = invalidNames.OrderBy(name => name, StringComparer.OrdinalIgnoreCase).ToList();
        Diagnostics = diagnostics;
        SearchedLocations = searchedLocations;
    }

    /// <summary>Where the profiles were read from.</summary>
    public ProfileSources Sources { get; }

    /// <summary>Valid profiles, sorted by name, without command-line overrides.</summary>
    public IReadOnlyList<ConnectionProfile> Profiles { get; }

    /// <summary>Profiles that are defined but were left out because of errors (see <see cref="DiagnosticsFor"/>).</summary>
    public IReadOnlyList<string> InvalidProfileNames { get; }

    /// <summary>Every warning and error, in the order found.</summary>
    public IReadOnlyList<ProfileDiagnostic> Diagnostics { get; }

    /// <summary>One line per place searched, e.g. <c>user: ~/.config/smtpconsole/profiles (not found)</c>.</summary>
    public IReadOnlyList<string> SearchedLocations { get; }

    /// <summary>True when any error was found.</summary>
    public bool HasErrors => Diagnostics.Any(diagnostic => diagnostic.IsError);

    /// <summary>Reads and merges all profiles. Never throws for bad files or values; see <see cref="Diagnostics"/>.</summary>
    public static ProfileCatalog Load(ProfileSources sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var diagnostics = new List<ProfileDiagnostic>();
        try
        {
            return LoadCore(sources, diagnostics);
        }
        catch (Exception exception)
        {
            // Every command loads profiles first; a defect here must leave the console usable without profiles
            // rather than stop it, so it is reported like any other problem.
            diagnostics.Add(new ProfileDiagnostic(ProfileDiagnosticSeverity.Error,
                $"profiles could not be loaded ({exception.GetType().Name}: {exception.Message}); continuing without profiles"));
            var empty = new ProfileResolver([], new ConfigurationBuilder().Build());
            return new ProfileCatalog(sources, empty, [], [], diagnostics, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase), []);
        }
    }

    /// <summary>
    /// Finds a profile by name (case-insensitive), with <see cref="ProfileSources.CommandLineOverrides"/> applied.
    /// </summary>
    /// <param name="name">Profile name as typed by the user.</param>
    /// <param name="profile">The profile when found.</param>
    /// <param name="suggestions">When not found: the closest names (edit distance, prefix or substring), best first.</param>
    public bool TryGet(string name, [NotNullWhen(true)] out ConnectionProfile? profile, out IReadOnlyList<string> suggestions)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (_profilesByName.TryGetValue(name.Trim(), out var found))
        {
            profile = Sources.CommandLineOverrides.Count == 0
                ? found
                : ProfileOverrides.Apply(found, Sources.CommandLineOverrides, found.Name, out _);
            suggestions = [];
            return true;
        }

        profile = null;
        suggestions = Suggest(name);
        return false;
    }

    /// <summary>True when <paramref name="name"/> is defined somewhere, valid or not.</summary>
    public bool Contains(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _displayNames.ContainsKey(name.Trim());
    }

    /// <summary>True when <paramref name="name"/> is defined but was left out because of errors.</summary>
    public bool IsInvalid(string name) => Contains(name) && !_profilesByName.ContainsKey(name.Trim());

    /// <summary>
    /// The valid profile names closest to <paramref name="name"/>, best first; when no name is close, profiles
    /// whose host, provider or description mention it (so "office365" finds "microsoft365").
    /// </summary>
    public IReadOnlyList<string> Suggest(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var byName = ProfileNameSuggester.Suggest(name, Profiles.Select(profile => profile.Name));
        var typed = name.Trim();
        if (byName.Count > 0 || typed.Length < 3)
            return byName;

        return Profiles
            .Where(profile => new[] { profile.Host, profile.Provider, profile.Description }
                .Any(text => text?.Contains(typed, StringComparison.OrdinalIgnoreCase) == true))
            .Select(profile => profile.Name)
            .Take(5)
            .ToList();
    }

    /// <summary>Diagnostics that concern profile <paramref name="name"/>.</summary>
    public IReadOnlyList<ProfileDiagnostic> DiagnosticsFor(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Diagnostics.Where(diagnostic => string.Equals(diagnostic.Profile, name.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
    }

    /// <summary>Where a profile is defined: <c>shipped</c>, <c>user</c>, the <c>--profile-file</c> path, <c>env</c>; comma-separated when several layers contribute.</summary>
    public string DescribeDefinition(string name) =>
        string.Join(", ", DefiningSources(name).Select(source => source.Label).Distinct(StringComparer.Ordinal));

    /// <summary>The layers that define profile <paramref name="name"/> (layer and its short label), lowest first; empty for an unknown name.</summary>
    public IReadOnlyList<(ProfileLayer Layer, string Label)> DefiningSources(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!_displayNames.TryGetValue(name.Trim(), out var display))
            return [];
        return [.. _resolver.DefiningLayers(display).Select(layer => (layer.Layer, layer.Label))];
    }

    /// <summary>
    /// Every field of profile <paramref name="name"/> with its final value and the layer, file (and line) or
    /// environment variable it came from; command-line overrides included. Empty for an unknown name.
    /// Works for invalid profiles too, to help find the bad value. Secrets are never shown.
    /// </summary>
    public IReadOnlyList<ProfileValueOrigin> Explain(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!_displayNames.TryGetValue(name.Trim(), out var display))
            return [];

        var origins = new List<ProfileValueOrigin>();
        foreach (var field in ProfileSchema.ProfileFields)
            ExplainField(display, field.Key, field.Key, field, origins);

        // The secret combines two flags with the profile's own setting, so show the combined result when possible.
        var combinedSecret = _profilesByName.TryGetValue(display, out var valid)
            ? ProfileOverrides.Apply(valid, Sources.CommandLineOverrides, valid.Name, out _).Secret.Describe()
            : null;
        foreach (var (key, value) in Sources.CommandLineOverrides)
        {
            // Rejected flags change nothing, so the layered value and its origin still stand.
            var single = new Dictionary<string, string?> { [key] = value };
            ProfileOverrides.Apply(new ConnectionProfile { Name = display }, single, null, out var problems);
            if (problems.Count > 0 || !ProfileOverrideKeys.TryGetField(key, out var fieldPath))
                continue;
            var fieldName = ProfileOverrides.DisplayField(fieldPath);
            var shown = fieldName == "secret" && combinedSecret is not null ? combinedSecret : ProfileOverrides.DisplayValue(fieldPath, value);
            var index = origins.FindIndex(origin => string.Equals(origin.Field, fieldName, StringComparison.OrdinalIgnoreCase));
            var origin = new ProfileValueOrigin(fieldName, shown, ProfileLayer.CommandLine, "command line", null);
            if (index >= 0)
                origins[index] = origin;
            else
                origins.Add(origin);
        }

        return origins;
    }

    /// <summary>
    /// Applies command-line flags to a profile. Keys are field names in any common spelling: <c>host</c>,
    /// <c>port</c>, <c>security</c>, <c>user</c>, <c>ehlo-name</c>, <c>auth-mechanisms</c> (comma-separated),
    /// <c>secret-env</c>, <c>prompt</c>, <c>ca-file</c>, <c>insecure</c>, <c>tls-min-version</c>,
    /// <c>server-name</c>, <c>proxy</c>, <c>connect-timeout</c>, <c>command-timeout</c> (seconds).
    /// Invalid values and unknown keys are reported and skipped; a password given as a flag is refused.
    /// </summary>
    public static ConnectionProfile ApplyOverrides(
        ConnectionProfile profile,
        IReadOnlyDictionary<string, string?> overrides,
        out IReadOnlyList<ProfileDiagnostic> problems)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(overrides);
        return ProfileOverrides.Apply(profile, overrides, profile.Name, out problems);
    }

    /// <summary>The merged raw value of a field (e.g. <c>host</c>), also for invalid profiles; <see langword="null"/> when unset.</summary>
    public string? RawValue(string name, string field)
    {
        if (!_displayNames.TryGetValue(name.Trim(), out var display))
            return null;
        var path = ProfileResolver.PathOf(display, field);
        return _resolver.FindScalarLayer(path) is { } layer && layer.TryGetValue(path, out var value) ? value : null;
    }

    /// <summary>The merged value of a list field (e.g. <c>notes:connect</c>), also for invalid profiles.</summary>
    public IReadOnlyList<string> RawList(string name, string field) =>
        _displayNames.TryGetValue(name.Trim(), out var display) ? _resolver.ReadList(ProfileResolver.PathOf(display, field)) : [];

    /// <summary>
    /// The Chinese text of a field (<c>description</c>, <c>notes:connect</c>, <c>notes:failure</c>) from the profile's
    /// <c>"zh-CN"</c> block, also for invalid profiles; null or empty when it has none, or when the English was
    /// redefined in a higher layer than the translation (then the translation describes an older text).
    /// </summary>
    public string? ChineseValue(string name, string field) =>
        _displayNames.TryGetValue(name.Trim(), out var display) ? _resolver.TranslatedValue(display, ProfileSchema.ChineseKey, field) : null;

    /// <inheritdoc cref="ChineseValue"/>
    public IReadOnlyList<string> ChineseList(string name, string field) =>
        _displayNames.TryGetValue(name.Trim(), out var display) ? _resolver.TranslatedList(display, ProfileSchema.ChineseKey, field) : [];

    /// <summary>The profile name as defined, for any spelling of it.</summary>
    public string DisplayName(string name) => _displayNames.TryGetValue(name.Trim(), out var display) ? display : name.Trim();

    private static ProfileCatalog LoadCore(ProfileSources sources, List<ProfileDiagnostic> diagnostics)
    {
        var pending = new List<PendingProfileLayer>();
        var searched = new List<string>();
        ReadDirectory(sources.ShippedDirectory, ProfileLayer.Shipped, pending, diagnostics, searched);
        ReadDirectory(sources.UserDirectory, ProfileLayer.User, pending, diagnostics, searched);
        if (sources.ExtraFile is not null)
            ReadExtraFile(sources.ExtraFile, pending, diagnostics, searched);

        var builder = new ConfigurationBuilder();
        foreach (var file in pending)
            builder.AddConfiguration(file.Configuration, shouldDisposeConfiguration: false);

        IReadOnlyDictionary<string, string>? environmentNames = null;
        if (sources.Environment is null)
        {
            builder.AddEnvironmentVariables(sources.EnvironmentPrefix);
            searched.Add($"environment: {sources.EnvironmentPrefix}* variables");
        }
        else
        {
            var (values, names) = ReadInjectedEnvironment(sources.Environment, sources.EnvironmentPrefix);
            builder.AddInMemoryCollection(values);
            environmentNames = names;
            searched.Add($"environment: {sources.EnvironmentPrefix}* variables (supplied by the caller)");
        }

        var root = builder.Build();
        var providers = root.Providers.ToList();
        var layers = new List<ProfileLayerSource>();
        for (var index = 0; index < pending.Count; index++)
        {
            layers.Add(new ProfileLayerSource(pending[index].Layer, pending[index].FilePath, providers[index],
                pending[index].Locations, sources.EnvironmentPrefix, null));
        }

        layers.Add(new ProfileLayerSource(ProfileLayer.Environment, null, providers[^1],
            new Dictionary<string, ProfileJsonLocation>(), sources.EnvironmentPrefix, environmentNames));

        foreach (var layer in layers)
            ProfileStructureValidator.ValidateLayer(layer, diagnostics);
        ReportSameLayerDuplicates(layers, diagnostics);

        var resolver = new ProfileResolver(layers, root);
        var displayNames = CollectProfileNames(layers);
        var profiles = new List<ConnectionProfile>();
        var invalid = new List<string>();
        foreach (var name in displayNames.Values.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var resolution = resolver.Resolve(name);
            diagnostics.AddRange(resolution.Diagnostics);
            var structurallyBroken = diagnostics.Any(diagnostic =>
                diagnostic.IsError && string.Equals(diagnostic.Profile, name, StringComparison.OrdinalIgnoreCase));
            if (resolution.Profile is not null && !structurallyBroken)
                profiles.Add(resolution.Profile);
            else
                invalid.Add(name);
        }

        if (sources.CommandLineOverrides.Count > 0)
        {
            ProfileOverrides.Apply(new ConnectionProfile { Name = string.Empty }, sources.CommandLineOverrides, null, out var problems);
            diagnostics.AddRange(problems);
        }

        return new ProfileCatalog(sources, resolver, profiles, invalid, diagnostics, displayNames, searched);
    }

    private static void ReadDirectory(
        string? directory,
        ProfileLayer layer,
        List<PendingProfileLayer> pending,
        List<ProfileDiagnostic> diagnostics,
        List<string> searched)
    {
        if (directory is null)
            return;

        var label = layer == ProfileLayer.Shipped ? "shipped" : "user";
        if (!Directory.Exists(directory))
        {
            searched.Add($"{label}: {directory} (not found)");
            // A missing user folder is normal; a missing shipped folder means a broken installation.
            if (layer == ProfileLayer.Shipped)
            {
                diagnostics.Add(new ProfileDiagnostic(ProfileDiagnosticSeverity.Warning,
                    $"the shipped profiles folder was not found at {directory}; only user profiles are available"));
            }

            return;
        }

        string[] files;
        try
        {
            files = Directory.GetFiles(directory, "*.json");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            searched.Add($"{label}: {directory} (unreadable)");
            diagnostics.Add(new ProfileDiagnostic(ProfileDiagnosticSeverity.Error,
                $"cannot list the {label} profiles folder: {exception.Message}", directory));
            return;
        }

        // Sorted so that when two files define the same profile, which one wins does not depend on the file system.
        Array.Sort(files, StringComparer.Ordinal);
        searched.Add($"{label}: {directory} ({files.Length} file{(files.Length == 1 ? string.Empty : "s")})");
        foreach (var file in files)
            ReadFile(file, layer, pending, diagnostics);
    }

    private static void ReadExtraFile(string path, List<PendingProfileLayer> pending, List<ProfileDiagnostic> diagnostics, List<string> searched)
    {
        searched.Add($"--profile-file: {path}");
        if (Directory.Exists(path))
        {
            diagnostics.Add(new ProfileDiagnostic(ProfileDiagnosticSeverity.Error,
                "--profile-file names a folder; give a .json profile file", path));
            return;
        }

        if (!File.Exists(path))
        {
            diagnostics.Add(new ProfileDiagnostic(ProfileDiagnosticSeverity.Error, "profile file not found (--profile-file)", path));
            return;
        }

        ReadFile(path, ProfileLayer.ProfileFile, pending, diagnostics);
    }

    private static void ReadFile(string path, ProfileLayer layer, List<PendingProfileLayer> pending, List<ProfileDiagnostic> diagnostics)
    {
        byte[] content;
        try
        {
            if (new FileInfo(path).Length > MaximumFileBytes)
            {
                diagnostics.Add(new ProfileDiagnostic(ProfileDiagnosticSeverity.Error,
                    "is larger than 4 MiB, which no profile file should be; it was skipped", path));
                return;
            }

            content = File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            diagnostics.Add(new ProfileDiagnostic(ProfileDiagnosticSeverity.Error, $"cannot read the profile file: {exception.Message}", path));
            return;
        }

        var scan = ProfileJsonScanner.Scan(content, path);
        if (scan.Error is not null)
        {
            diagnostics.Add(scan.Error);
            return;
        }

        IConfigurationRoot configuration;
        try
        {
            // Parsed from the bytes already scanned, so the scan and the configuration see the same content.
            configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(content, writable: false)).Build();
        }
        catch (Exception exception) when (exception is FormatException or InvalidDataException or JsonException or InvalidOperationException)
        {
            diagnostics.Add(new ProfileDiagnostic(ProfileDiagnosticSeverity.Error,
                $"could not be read as configuration ({exception.Message}); this file was skipped", path));
            return;
        }

        pending.Add(new PendingProfileLayer(layer, path, configuration, scan.Locations));
    }

    private static (Dictionary<string, string?> Values, Dictionary<string, string> Names) ReadInjectedEnvironment(
        IReadOnlyDictionary<string, string> environment,
        string prefix)
    {
        // Same mapping as the EnvironmentVariables provider: strip the prefix, "__" separates path segments.
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in environment)
        {
            if (!name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                continue;
            var key = name[prefix.Length..].Replace("__", ":", StringComparison.Ordinal);
            values[key] = value;
            names[key] = name;
        }

        return (values, names);
    }

    private static Dictionary<string, string> CollectProfileNames(IReadOnlyList<ProfileLayerSource> layers)
    {
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var layer in layers)
        {
            foreach (var name in layer.ChildKeys("profiles").Where(name => !string.IsNullOrWhiteSpace(name)))
            {
                // Environment variable names are conventionally upper-case; a profile defined only there is shown in lower case.
                if (!names.ContainsKey(name))
                    names[name] = layer.Layer == ProfileLayer.Environment ? name.ToLowerInvariant() : name;
            }
        }

        return names;
    }

    private static void ReportSameLayerDuplicates(IReadOnlyList<ProfileLayerSource> layers, List<ProfileDiagnostic> diagnostics)
    {
        var firstFile = new Dictionary<(ProfileLayer, string), ProfileLayerSource>();
        foreach (var layer in layers.Where(layer => layer.FilePath is not null))
        {
            foreach (var name in layer.ChildKeys("profiles"))
            {
                var key = (layer.Layer, name.ToLowerInvariant());
                if (firstFile.TryGetValue(key, out var earlier))
                {
                    diagnostics.Add(layer.Diagnose(ProfileDiagnosticSeverity.Warning,
                        $"profile '{name}' is also defined in {earlier.FilePath}; values from this file take precedence",
                        ProfileResolver.PathOf(name), name));
                }
                else
                {
                    firstFile[key] = layer;
                }
            }
        }
    }

    private void ExplainField(string profile, string path, string display, ProfileSchemaField field, List<ProfileValueOrigin> origins)
    {
        var fullPath = ProfileResolver.PathOf(profile, path);
        switch (field.Kind)
        {
            case ProfileFieldKind.Scalar:
            {
                var layer = _resolver.FindScalarLayer(fullPath);
                string? value = null;
                layer?.TryGetValue(fullPath, out value);
                if (display == "proxy" && value is not null && ProfileValueParsers.HasLiteralProxyPassword(value))
                    value = ProfileValueParsers.WithoutUserInfo(value) + " (refused: a literal password is not allowed)";
                origins.Add(Origin(display, DisplayScalar(value), layer, fullPath));
                break;
            }

            case ProfileFieldKind.List:
            {
                var layer = _resolver.FindUnitLayer(fullPath);
                var items = _resolver.ReadList(fullPath);
                origins.Add(Origin(display, items.Count == 0 ? null : string.Join(", ", items), layer, fullPath));
                break;
            }

            case ProfileFieldKind.Object:
                foreach (var child in field.Children)
                    ExplainField(profile, path + ":" + child.Key, display + "." + child.Key, child, origins);
                break;

            case ProfileFieldKind.Secret:
            {
                var (layer, environment, prompt, isLiteral) = _resolver.ReadSecret(profile);
                string? value = null;
                if (isLiteral)
                    value = "(refused: a literal password is not allowed)";
                else if (layer is not null)
                    value = new ProfileSecretSource(environment, prompt is not null && bool.TryParse(prompt, out var ask) && ask).Describe();
                origins.Add(Origin(display, value, layer, fullPath));
                break;
            }

            case ProfileFieldKind.Map:
            {
                var names = _resolver.Layers.SelectMany(layer => layer.ChildKeys(fullPath)).Distinct(StringComparer.OrdinalIgnoreCase);
                foreach (var name in names.OrderBy(name => name, StringComparer.OrdinalIgnoreCase))
                {
                    var entryPath = fullPath + ":" + name;
                    var layer = _resolver.FindScalarLayer(entryPath);
                    string? value = null;
                    layer?.TryGetValue(entryPath, out value);
                    origins.Add(Origin(display + "." + name, value, layer, entryPath));
                }

                break;
            }
        }
    }

    private static ProfileValueOrigin Origin(string field, string? value, ProfileLayerSource? layer, string path) =>
        layer is null
            ? new ProfileValueOrigin(field, value, null, null, null)
            : new ProfileValueOrigin(field, value, layer.Layer, layer.DescribeSource(path), layer.Locate(path)?.Line);

    // JSON true/false arrive from the configuration system as "True"/"False".
    private static string? DisplayScalar(string? value) =>
        value is "True" or "False" ? value.ToLowerInvariant() : value;
}
