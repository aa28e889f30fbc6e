namespace SmtpConsole.Core.Platform;

/// <summary>What a per-user folder holds, which decides where it goes on each platform.</summary>
public enum UserFolderKind
{
    /// <summary>Settings the user edits (profiles): roams on Windows.</summary>
    Configuration,

    /// <summary>What the program writes (history, session logs): machine-local on Windows.</summary>
    Data,
}
