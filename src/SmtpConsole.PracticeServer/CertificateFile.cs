namespace SmtpConsole.PracticeServer;

/// <summary>
/// Where <c>smtpconsole practice</c> puts the PEM file users pass to <c>--cafile</c>. A fixed name in a shared
/// temporary directory would let another local user plant a symlink (overwriting a file of ours) or their own CA
/// before we start, so the file goes into a fresh directory only we can enter, and is created exclusively.
/// </summary>
internal static class CertificateFile
{
    /// <summary>A new, randomly named directory under the temporary directory; 0700 on Unix.</summary>
    public static DirectoryInfo CreatePrivateDirectory()
    {
        // CreateTempSubdirectory picks an unpredictable name, fails rather than reuse an existing path, and on Unix
        // creates the directory with mode 0700; on Windows the per-user %TEMP% is already private.
        var directory = Directory.CreateTempSubdirectory("smtpconsole-practice-");
        if (!OperatingSystem.IsWindows())
        {
            directory.UnixFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        }

        return directory;
    }

    /// <summary>Creates <paramref name="path"/> (failing if anything, a symlink included, is already there) and writes <paramref name="text"/>.</summary>
    public static void WriteNew(string path, string text)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var writer = new StreamWriter(path, System.Text.Encoding.ASCII, options);
        writer.Write(text);
    }

    /// <summary>Removes the directory and the file in it; a failure here must not hide the server's real outcome.</summary>
    public static void DeleteDirectory(DirectoryInfo directory)
    {
        try
        {
            directory.Delete(recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
        }
    }
}
