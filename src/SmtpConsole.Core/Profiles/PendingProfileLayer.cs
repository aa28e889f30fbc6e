using Microsoft.Extensions.Configuration;

namespace SmtpConsole.Core.Profiles;

/// <summary>A profile file that passed the scan and parsed, waiting to be added to the merged configuration.</summary>
internal sealed record PendingProfileLayer(
    ProfileLayer Layer,
    string FilePath,
    IConfigurationRoot Configuration,
    IReadOnlyDictionary<string, ProfileJsonLocation> Locations);
