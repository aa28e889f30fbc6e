using SmtpConsole.Core.Platform;

namespace SmtpConsole.App;

/// <summary>
/// Where the console keeps its history and session logs: <c>%LOCALAPPDATA%\smtpconsole</c> on Windows,
/// <c>~/Library/Application Support/smtpconsole</c> on macOS, <c>$XDG_DATA_HOME/smtpconsole</c> or
/// <c>~/.local/share/smtpconsole</c> on Linux. <c>SMTPCONSOLE_DATA_DIR</c> overrides all (tests, portable installs).
/// </summary>
internal static class DataDirectory
{
    public const string OverrideVariable = "SMTPCONSOLE_DATA_DIR";

    public static string Resolve() => Resolve(Environment.GetEnvironmentVariable, HostPlatforms.Current);

    public static string Resolve(Func<string, string?> environment, bool isWindows) =>
        Resolve(environment, isWindows ? HostPlatform.Windows : HostPlatform.Linux);

    public static string Resolve(Func<string, string?> environment, HostPlatform platform)
    {
        if (environment(OverrideVariable) is { Length: > 0 } explicitDirectory) return Path.GetFullPath(explicitDirectory);
        if (HostPlatforms.UserFolder(platform, UserFolderKind.Data, environment) is { } folder) return folder;
        // No usable variable (a service account, a stripped environment): ask the OS for the same folder.
        string baseFolder = platform switch
        {
            HostPlatform.Windows => Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData),
            HostPlatform.MacOS => Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), "Library", "Application Support"),
            _ => Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share"),
        };
        return Path.Combine(baseFolder, "smtpconsole");
    }

    /// <summary>The history file inside a data directory.</summary>
    public static string HistoryFile(string dataDirectory) => Path.Combine(dataDirectory, "history");

    /// <summary>The folder of per-run session logs inside a data directory.</summary>
    public static string SessionsFolder(string dataDirectory) => Path.Combine(dataDirectory, "sessions");
}
