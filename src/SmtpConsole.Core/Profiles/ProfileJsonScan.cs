namespace SmtpConsole.Core.Profiles;

/// <summary>
/// Result of pre-scanning one profile file: either a syntax error that makes the file unusable,
/// or the position of every key (by configuration path) for later diagnostics.
/// </summary>
internal sealed record ProfileJsonScan(ProfileDiagnostic? Error, IReadOnlyDictionary<string, ProfileJsonLocation> Locations)
{
    private static readonly IReadOnlyDictionary<string, ProfileJsonLocation> NoLocations =
        new Dictionary<string, ProfileJsonLocation>(StringComparer.OrdinalIgnoreCase);

    public static ProfileJsonScan Failed(ProfileDiagnostic error) => new(error, NoLocations);

    public static ProfileJsonScan Succeeded(IReadOnlyDictionary<string, ProfileJsonLocation> locations) => new(null, locations);
}
