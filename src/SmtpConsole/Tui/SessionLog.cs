using System.Globalization;
using SmtpConsole.Core.Transcript;

namespace SmtpConsole.Tui;

/// <summary>
/// The per-run log in the data directory (<c>sessions/yyyyMMdd-HHmmss-host.log</c>): every event appended, redacted,
/// and flushed as it happens, so it is complete up to a crash and can be replayed as a script.
/// </summary>
internal static class SessionLog
{
    /// <summary>The log file name for a run that starts at <paramref name="start"/> talking to <paramref name="host"/>.</summary>
    public static string FileName(DateTimeOffset start, string host)
    {
        var safe = new string(host.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_').ToArray()).Trim('.');
        if (safe.Length == 0) safe = "session";
        if (safe.Length > 64) safe = safe[..64];
        return start.ToLocalTime().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "-" + safe + ".log";
    }

    /// <summary>Opens a new log; a name clash (two runs in one second) gets a numeric suffix.</summary>
    public static TranscriptFileSink Open(string dataDirectory, DateTimeOffset start, string host)
    {
        string folder = DataDirectory.SessionsFolder(dataDirectory);
        Directory.CreateDirectory(folder);
        string name = FileName(start, host);
        string path = Path.Combine(folder, name);
        for (int n = 2; File.Exists(path); n++)
            path = Path.Combine(folder, Path.GetFileNameWithoutExtension(name) + "-" + n.ToString(CultureInfo.InvariantCulture) + ".log");
        var sink = new TranscriptFileSink(path, json: false, showSecrets: false);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return sink;
    }
}
