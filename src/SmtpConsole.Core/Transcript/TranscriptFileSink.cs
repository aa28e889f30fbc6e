using System.Text;

namespace SmtpConsole.Core.Transcript;

/// <summary>
/// Appends each event to a file the moment it is recorded and flushes, so the file is complete up to the last
/// event even if the process dies. Secrets stay redacted unless <c>showSecrets</c> was chosen on purpose.
/// </summary>
public sealed class TranscriptFileSink : ITranscriptSink, IDisposable
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();
    private readonly FileStream _file;
    private readonly bool _json;
    private readonly bool _showSecrets;

    public TranscriptFileSink(string path, bool json, bool showSecrets = false)
    {
        Path = System.IO.Path.GetFullPath(path);
        string? directory = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        _file = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read, 1, FileOptions.None);
        _json = json;
        _showSecrets = showSecrets;
    }

    public string Path { get; }

    public void Write(TranscriptEvent e)
    {
        if (_json)
        {
            TranscriptJsonFormat.Write(_file, e, _showSecrets);
            _file.Write(NewLine);
        }
        else
        {
            foreach (var line in TranscriptTextFormat.FormatLines(e, _showSecrets))
            {
                _file.Write(Encoding.UTF8.GetBytes(line));
                _file.Write(NewLine);
            }
        }
        _file.Flush();
    }

    public void Dispose() => _file.Dispose();
}
