using System.Globalization;
using SmtpConsole.Core.Transcript;

namespace SmtpConsole.App;

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
    public static TranscriptFileSink Open(string dataDirectory, DateTimeOffset start, string host, long? maxBytes = DefaultMaxBytes)
    {
        string folder = DataDirectory.SessionsFolder(dataDirectory);
        Core.Files.PrivateFiles.CreateDirectory(folder);
        string name = FileName(start, host);
        string path = Path.Combine(folder, name);
        for (int n = 2; File.Exists(path); n++)
            path = Path.Combine(folder, Path.GetFileNameWithoutExtension(name) + "-" + n.ToString(CultureInfo.InvariantCulture) + ".log");
        return new TranscriptFileSink(path, json: false, showSecrets: false, maxBytes);
    }

    /// <summary>A chatty server must not fill the disk: the log stops (and says so) at this size.</summary>
    public const long DefaultMaxBytes = 100L * 1024 * 1024;

    /// <summary>The cap from SMTPCONSOLE_LOG_CAP_MB (a positive number of megabytes; 0 means no cap), else the default.</summary>
    public static long? CapFromEnvironment(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return DefaultMaxBytes;
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double mb) || !double.IsFinite(mb) || mb < 0 || mb > 1024 * 1024)
            return DefaultMaxBytes;
        return mb == 0 ? null : (long)(mb * 1024 * 1024);
    }
}
