using System.Globalization;
using System.Text;
using SmtpConsole.Core.Files;

namespace SmtpConsole.Core.Transcript;

/// <summary>
/// Appends each event to a file the moment it is recorded and flushes, so the file is complete up to the last
/// event even if the process dies. Secrets stay redacted unless <c>showSecrets</c> was chosen on purpose. The file is
/// created 0600. The first write failure (disk full, EIO) stops the file for good and is thrown once, so the recorder
/// reports it at once and the file stays an honest prefix instead of resuming mid-session. An optional size cap ends
/// the file with a note saying so.
/// </summary>
public sealed class TranscriptFileSink : ITranscriptSink, IDisposable
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();
    private readonly FileStream _file;
    private readonly bool _json;
    private readonly bool _showSecrets;
    private readonly long? _maxBytes;
    private long _written;

    public TranscriptFileSink(string path, bool json, bool showSecrets = false, long? maxBytes = null)
    {
        Path = System.IO.Path.GetFullPath(path);
        PrivateFiles.CreateParentOf(Path);
        _file = PrivateFiles.Open(Path, FileMode.Append, FileShare.Read, bufferSize: 1);
        _written = _file.Length;
        _json = json;
        _showSecrets = showSecrets;
        _maxBytes = maxBytes;
    }

    public string Path { get; }

    /// <summary>Why the file stopped growing (a write failure or the cap); null while it is complete.</summary>
    public string? StoppedBecause { get; private set; }

    /// <summary>True when the file lacks events because a write failed (not merely because the cap was reached).</summary>
    public bool Incomplete { get; private set; }

    public void Write(TranscriptEvent e)
    {
        if (StoppedBecause is not null || e.ScreenOnly) return;
        byte[] bytes = Format(e);
        if (_maxBytes is { } cap && _written + bytes.Length > cap)
        {
            string note = Messages.SessionMessages.LogCapReached((cap / (1024.0 * 1024)).ToString("0.#", CultureInfo.InvariantCulture));
            StoppedBecause = note;
            TryWrite(_json ? JsonNote(note) : Encoding.UTF8.GetBytes("# warn: " + note + "\n"));
            throw new TranscriptFileStoppedException(note);
        }
        try
        {
            _file.Write(bytes);
            _file.Flush();
            _written += bytes.Length;
        }
        catch (IOException ex)
        {
            Incomplete = true;
            StoppedBecause = Messages.SessionMessages.LogWriteFailed(Path, ex.Message);
            throw new TranscriptFileStoppedException(StoppedBecause, ex);
        }
    }

    private byte[] Format(TranscriptEvent e)
    {
        using var buffer = new MemoryStream();
        if (_json)
        {
            TranscriptJsonFormat.Write(buffer, e, _showSecrets);
            buffer.Write(NewLine);
        }
        else
        {
            foreach (var line in TranscriptTextFormat.FormatLines(e, _showSecrets))
            {
                buffer.Write(Encoding.UTF8.GetBytes(line));
                buffer.Write(NewLine);
            }
        }
        return buffer.ToArray();
    }

    private static byte[] JsonNote(string note)
    {
        using var buffer = new MemoryStream();
        using (var w = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("kind", "warn");
            w.WriteString("text", note);
            w.WriteEndObject();
        }
        buffer.Write(NewLine);
        return buffer.ToArray();
    }

    private void TryWrite(byte[] bytes)
    {
        try
        {
            _file.Write(bytes);
            _file.Flush();
        }
        catch (IOException)
        {
            // The cap note is a courtesy; the on-screen warning is what counts.
        }
    }

    public void Dispose()
    {
        try
        {
            _file.Dispose();
        }
        catch (IOException)
        {
            // A final flush onto a full disk: already reported when the write failed.
        }
    }
}

/// <summary>A transcript file stopped growing (write failure or size cap); the recorder turns it into a warning.</summary>
public sealed class TranscriptFileStoppedException(string message, Exception? inner = null) : IOException(message, inner);
