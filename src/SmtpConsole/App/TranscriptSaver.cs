using System.Text;
using SmtpConsole.Core.Transcript;

namespace SmtpConsole.App;

/// <summary>Writes the transcript on screen to a file: plain C:/S: text (replayable as a script) or JSON lines.</summary>
internal static class TranscriptSaver
{
    public static int Save(string path, IEnumerable<TranscriptEvent> events, TranscriptSaveFormat format, bool showSecrets, string? header = null)
    {
        Core.Files.PrivateFiles.CreateParentOf(path);
        using var file = Core.Files.PrivateFiles.Open(path, FileMode.Create);
        events = events.Where(e => !e.ScreenOnly);
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
