namespace SmtpConsole.Tui;

/// <summary>
/// Where the console keeps its history and session logs: <c>$XDG_DATA_HOME/smtpconsole</c> or
/// <c>~/.local/share/smtpconsole</c> on Unix, <c>%LOCALAPPDATA%\smtpconsole</c> on Windows.
/// <c>SMTPCONSOLE_DATA_DIR</c> overrides both (tests, portable installs).
/// </summary>
internal static class DataDirectory
{
    public const string OverrideVariable = "SMTPCONSOLE_DATA_DIR";

    public static string Resolve() => Resolve(Environment.GetEnvironmentVariable, OperatingSystem.IsWindows());

    public static string Resolve(Func<string, string?> environment, bool isWindows)
    {
        if (environment(OverrideVariable) is { Length: > 0 } explicitDirectory) return Path.GetFullPath(explicitDirectory);
        if (isWindows)
        {
            string local = environment("LOCALAPPDATA") is { Length: > 0 } fromEnvironment
                ? fromEnvironment
                : Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
            return Path.Combine(local, "smtpconsole");
        }
        // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
        if (environment("XDG_DATA_HOME") is { Length: > 0 } xdg && Path.IsPathRooted(xdg)) return Path.Combine(xdg, "smtpconsole");
        string home = environment("HOME") is { Length: > 0 } h ? h : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return Path.Combine(home, ".local", "share", "smtpconsole");
    }

    /// <summary>The history file inside a data directory.</summary>
    public static string HistoryFile(string dataDirectory) => Path.Combine(dataDirectory, "history");

    /// <summary>The folder of per-run session logs inside a data directory.</summary>
    public static string SessionsFolder(string dataDirectory) => Path.Combine(dataDirectory, "sessions");
}
