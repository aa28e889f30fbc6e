namespace SmtpConsole.Core.Platform;

/// <summary>
/// The operating-system families whose conventions differ for SmtpConsole (where data and configuration live).
/// Code that chooses by platform takes one of these as a parameter, so tests cover every platform on Linux.
/// </summary>
public enum HostPlatform
{
    /// <summary>Linux and other Unix systems: XDG base directories.</summary>
    Linux,

    /// <summary>Windows: %APPDATA% (roaming configuration) and %LOCALAPPDATA% (machine-local data).</summary>
    Windows,

    /// <summary>macOS: ~/Library/Application Support, unless XDG variables are set explicitly.</summary>
    MacOS,
}
