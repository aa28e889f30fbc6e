using System.Text;
using SmtpConsole.Core.Transcript;

namespace SmtpConsole.Tui;

/// <summary>Writes the transcript on screen to a file: plain C:/S: text (replayable as a script) or JSON lines.</summary>
internal static class TranscriptSaver
{
    public static int Save(string path, IEnumerable<TranscriptEvent> events, TranscriptSaveFormat format, bool showSecrets, string? header = null)
    {
        string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        var mode = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.Read };
        // A transcript shows addresses and server details: readable by its owner only (an existing file is narrowed too).
        if (!OperatingSystem.IsWindows()) mode.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var file = new FileStream(path, mode);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file.SafeFileHandle, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        int count = 0;
        if (format == TranscriptSaveFormat.Text)
        {
            using var writer = new StreamWriter(file, new UTF8Encoding(false)) { NewLine = "\n" };
            if (header is not null) writer.WriteLine("# " + header);
            foreach (var e in events)
            {
                foreach (var line in TranscriptTextFormat.FormatLines(e, showSecrets)) writer.WriteLine(line);
                count++;
            }
        }
        else
        {
            foreach (var e in events)
            {
                TranscriptJsonFormat.Write(file, e, showSecrets);
                file.WriteByte((byte)'\n');
                count++;
            }
        }
        return count;
    }
}
