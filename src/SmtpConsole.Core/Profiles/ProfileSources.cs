using SmtpConsole.Core.Platform;

namespace SmtpConsole.Core.Profiles;

/// <summary>
/// The places profiles are read from, lowest precedence first: the shipped folder, the user's folder,
/// an extra <c>--profile-file</c>, environment variables, then command-line flags for the selected profile.
/// </summary>
public sealed record ProfileSources
{
    /// <summary>Prefix of environment variables that override profile values, e.g. <c>SMTPCONSOLE__PROFILES__GMAIL__PORT=2525</c>.</summary>
    public const string DefaultEnvironmentPrefix = "SMTPCONSOLE__";

    /// <summary>Folder of <c>*.json</c> profile files shipped with the application, or <see langword="null"/>.</summary>
    public string? ShippedDirectory { get; init; }

    /// <summary>The user's own folder of <c>*.json</c> profile files, or <see langword="null"/>; it need not exist.</summary>
    public string? UserDirectory { get; init; }

    /// <summary>A single extra profile file (<c>--profile-file FILE</c>), or <see langword="null"/>; it must exist.</summary>
    public string? ExtraFile { get; init; }

    /// <summary>Prefix of the environment variables to read; <c>__</c> separates path segments after it.</summary>
    public string EnvironmentPrefix { get; init; } = DefaultEnvironmentPrefix;

    /// <summary>
    /// Environment variables to read instead of the process environment (for tests and embedding);
    /// <see langword="null"/> reads the real environment.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Environment { get; init; }

    /// <summary>
    /// Command-line overrides for the selected profile, keyed like <c>host</c>, <c>port</c>, <c>security</c>,
    /// <c>user</c>, <c>ca-file</c> (see <see cref="ProfileCatalog.ApplyOverrides"/>). Empty when none.
    /// </summary>
    public IReadOnlyDictionary<string, string?> CommandLineOverrides { get; init; } = new Dictionary<string, string?>();

    /// <summary>
    /// The normal locations: <c>profiles/</c> next to the executable (or in the source tree during development),
    /// the user's profile folder, and the process environment.
    /// </summary>
    /// <param name="extraFile">Value of <c>--profile-file</c>, if given.</param>
    /// <param name="commandLineOverrides">Flags such as <c>--port</c> for the selected profile, if any.</param>
    public static ProfileSources Default(string? extraFile = null, IReadOnlyDictionary<string, string?>? commandLineOverrides = null) => new()
    {
        ShippedDirectory = FindShippedDirectory(AppContext.BaseDirectory),
        UserDirectory = ComputeUserDirectory(System.Environment.GetEnvironmentVariable, HostPlatforms.Current),
        ExtraFile = extraFile,
        CommandLineOverrides = commandLineOverrides ?? new Dictionary<string, string?>(),
    };

    /// <summary>
    /// Finds the shipped profiles: <c>profiles/</c> inside <paramref name="baseDirectory"/> (where the build copies them),
    /// otherwise the nearest ancestor holding both the solution file and <c>profiles/</c>, so tests and
    /// <c>dotnet run</c> from a checkout see the same files as an installed copy.
    /// </summary>
    /// <returns>The folder, or <see langword="null"/> when none is found.</returns>
    public static string? FindShippedDirectory(string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(baseDirectory);
        var besideExecutable = Path.Combine(baseDirectory, "profiles");
        if (Directory.Exists(besideExecutable))
            return besideExecutable;

        for (var directory = new DirectoryInfo(baseDirectory); directory is not null; directory = directory.Parent)
        {
            var hasSolution = File.Exists(Path.Combine(directory.FullName, "SmtpConsole.sln"))
                || File.Exists(Path.Combine(directory.FullName, "SmtpConsole.slnx"));
            var profiles = Path.Combine(directory.FullName, "profiles");
            if (hasSolution && Directory.Exists(profiles))
                return profiles;
        }

        return null;
    }

    /// <summary>
    /// The user's profile folder: <c>%APPDATA%\smtpconsole\profiles</c> on Windows;
    /// <c>~/Library/Application Support/smtpconsole/profiles</c> on macOS; elsewhere
    /// <c>$XDG_CONFIG_HOME/smtpconsole/profiles</c>, falling back to <c>~/.config/smtpconsole/profiles</c>.
    /// </summary>
    /// <param name="getEnvironmentVariable">Reads an environment variable (injectable for tests).</param>
    /// <param name="isWindows">Whether to use the Windows convention (else Linux's).</param>
    /// <returns>The folder (which may not exist), or <see langword="null"/> when no home can be determined.</returns>
    public static string? ComputeUserDirectory(Func<string, string?> getEnvironmentVariable, bool isWindows) =>
        ComputeUserDirectory(getEnvironmentVariable, isWindows ? HostPlatform.Windows : HostPlatform.Linux);

    /// <inheritdoc cref="ComputeUserDirectory(Func{string, string?}, bool)"/>
    /// <param name="getEnvironmentVariable">Reads an environment variable (injectable for tests).</param>
    /// <param name="platform">Whose convention to follow.</param>
    public static string? ComputeUserDirectory(Func<string, string?> getEnvironmentVariable, HostPlatform platform) =>
        HostPlatforms.UserFolder(platform, UserFolderKind.Configuration, getEnvironmentVariable) is { } folder
            ? folder + (platform == HostPlatform.Windows ? "\\" : "/") + "profiles"
            : null;
}
