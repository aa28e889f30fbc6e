namespace SmtpConsole.Core.Platform;

/// <summary>Detects the <see cref="HostPlatform"/> the process runs on.</summary>
public static class HostPlatforms
{
    /// <summary>The platform of this process.</summary>
    public static HostPlatform Current { get; } =
        OperatingSystem.IsWindows() ? HostPlatform.Windows
        : OperatingSystem.IsMacOS() || OperatingSystem.IsMacCatalyst() ? HostPlatform.MacOS
        : HostPlatform.Linux;

    /// <summary>
    /// The per-user folder for <paramref name="kind"/> by the platform's convention, with "smtpconsole" appended:
    /// configuration → %APPDATA%, ~/Library/Application Support, $XDG_CONFIG_HOME or ~/.config;
    /// data → %LOCALAPPDATA%, ~/Library/Application Support, $XDG_DATA_HOME or ~/.local/share.
    /// On macOS an explicitly set (absolute) XDG variable wins, as many command-line users expect.
    /// </summary>
    /// <returns>The folder (which may not exist), or null when the environment names no home.</returns>
    public static string? UserFolder(HostPlatform platform, UserFolderKind kind, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        string? Rooted(string name) => environment(name) is { Length: > 0 } value && IsRooted(value, platform) ? value : null;
        string xdgVariable = kind == UserFolderKind.Configuration ? "XDG_CONFIG_HOME" : "XDG_DATA_HOME";
        switch (platform)
        {
            case HostPlatform.Windows:
                string? windows = Rooted(kind == UserFolderKind.Configuration ? "APPDATA" : "LOCALAPPDATA");
                return windows is null ? null : Join(platform, windows, "smtpconsole");
            case HostPlatform.MacOS:
                if (Rooted(xdgVariable) is { } macXdg) return Join(platform, macXdg, "smtpconsole");
                return Rooted("HOME") is { } macHome ? Join(platform, macHome, "Library", "Application Support", "smtpconsole") : null;
            default:
                // The XDG spec says a relative value is invalid and must be ignored.
                if (Rooted(xdgVariable) is { } xdg) return Join(platform, xdg, "smtpconsole");
                string[] fallback = kind == UserFolderKind.Configuration ? [".config"] : [".local", "share"];
                return Rooted("HOME") is { } home ? Join(platform, [home, .. fallback, "smtpconsole"]) : null;
        }
    }

    // Paths for another platform are built with that platform's separator, so Windows answers can be checked on Linux.
    private static string Join(HostPlatform platform, params string[] parts) =>
        platform == HostPlatform.Windows ? string.Join('\\', parts.Select((p, i) => i == 0 ? p.TrimEnd('\\', '/') : p)) : string.Join('/', parts.Select((p, i) => i == 0 && p.Length > 1 ? p.TrimEnd('/') : p));

    private static bool IsRooted(string path, HostPlatform platform) =>
        platform == HostPlatform.Windows
            ? (path.Length >= 3 && char.IsAsciiLetter(path[0]) && path[1] == ':' && path[2] is '\\' or '/') || path.StartsWith(@"\\", StringComparison.Ordinal)
            : path.StartsWith('/');
}
