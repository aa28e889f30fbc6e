namespace SmtpConsole.Core.Files;

/// <summary>
/// Files that may hold session content (transcripts, session logs, history, saves) are created readable by their
/// owner only, at open — never created world-readable and chmod-ed afterwards — and the folders made for them 0700.
/// On systems without Unix modes (Windows) the default ACLs of the user's profile apply.
/// </summary>
public static class PrivateFiles
{
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    public const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Opens <paramref name="path"/> for writing; a file it creates gets mode 0600 from the start.</summary>
    public static FileStream Open(string path, System.IO.FileMode mode, FileShare share = FileShare.Read, int bufferSize = 4096)
    {
        var options = new FileStreamOptions
        {
            Mode = mode,
            Access = FileAccess.Write,
            Share = share,
            BufferSize = bufferSize,
        };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = FileMode;
        return new FileStream(path, options);
    }

    /// <summary>Creates <paramref name="path"/> (and missing parents) as 0700; an existing folder is left as it is.</summary>
    public static void CreateDirectory(string path)
    {
        if (string.IsNullOrEmpty(path) || Directory.Exists(path)) return;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }
        string? parent = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(parent) && !Directory.Exists(parent)) CreateDirectory(parent);
        Directory.CreateDirectory(path, DirectoryMode);
    }

    /// <summary>Creates the folder that will hold <paramref name="file"/>, if missing.</summary>
    public static void CreateParentOf(string file)
    {
        string? directory = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(directory)) CreateDirectory(directory);
    }
}
