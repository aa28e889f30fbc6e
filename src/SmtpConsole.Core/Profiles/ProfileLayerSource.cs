using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Configuration;

namespace SmtpConsole.Core.Profiles;

/// <summary>
/// One configuration provider in the merged profile configuration (a JSON file or the environment), with what
/// is needed to say where a value came from: layer, file, line, or environment variable name.
/// </summary>
internal sealed class ProfileLayerSource(
    ProfileLayer layer,
    string? filePath,
    IConfigurationProvider provider,
    IReadOnlyDictionary<string, ProfileJsonLocation> locations,
    string environmentPrefix,
    IReadOnlyDictionary<string, string>? environmentNames)
{
    public ProfileLayer Layer { get; } = layer;

    /// <summary>The JSON file, or <see langword="null"/> for the environment layer.</summary>
    public string? FilePath { get; } = filePath;

    public IConfigurationProvider Provider { get; } = provider;

    /// <summary>Short label for listings: <c>shipped</c>, <c>user</c>, the <c>--profile-file</c> path, or <c>env</c>.</summary>
    public string Label => Layer switch
    {
        ProfileLayer.Shipped => "shipped",
        ProfileLayer.User => "user",
        ProfileLayer.ProfileFile => FilePath ?? "profile file",
        ProfileLayer.Environment => "env",
        _ => "command line",
    };

    /// <summary>A non-empty value at <paramref name="path"/> (empty values are treated as unset, as the merged configuration does).</summary>
    public bool TryGetValue(string path, [NotNullWhen(true)] out string? value)
    {
        if (Provider.TryGet(path, out var raw) && !string.IsNullOrEmpty(raw))
        {
            value = raw;
            return true;
        }

        value = null;
        return false;
    }

    /// <summary>Immediate child key names under <paramref name="path"/> (<see langword="null"/> for the root).</summary>
    public IReadOnlyList<string> ChildKeys(string? path) =>
        Provider.GetChildKeys([], path).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>True when this layer sets <paramref name="path"/> or anything below it.</summary>
    public bool Defines(string path) => TryGetValue(path, out _) || ChildKeys(path).Count > 0;

    /// <summary>Position of the key at <paramref name="path"/>, or of its nearest ancestor, in the file.</summary>
    public ProfileJsonLocation? Locate(string path)
    {
        for (var candidate = path; candidate.Length > 0; candidate = ParentOf(candidate))
        {
            if (locations.TryGetValue(candidate, out var location))
                return location;
        }

        return null;
    }

    /// <summary>The file path, or the environment variable that sets <paramref name="path"/>.</summary>
    public string DescribeSource(string path) => FilePath ?? EnvironmentVariableName(path);

    public string EnvironmentVariableName(string path)
    {
        if (environmentNames is not null && environmentNames.TryGetValue(path, out var original))
            return original;
        return environmentPrefix + path.Replace(":", "__", StringComparison.Ordinal).ToUpperInvariant();
    }

    /// <summary>A diagnostic placed at <paramref name="path"/>: file, line and column, or the environment variable's name.</summary>
    public ProfileDiagnostic Diagnose(ProfileDiagnosticSeverity severity, string message, string path, string? profile)
    {
        if (FilePath is not null)
        {
            var location = Locate(path);
            return new ProfileDiagnostic(severity, message, FilePath, location?.Line, location?.Column, profile);
        }

        return new ProfileDiagnostic(severity, $"{message} (environment variable {EnvironmentVariableName(path)})", Profile: profile);
    }

    private static string ParentOf(string path)
    {
        var separator = path.LastIndexOf(':');
        return separator < 0 ? string.Empty : path[..separator];
    }
}
