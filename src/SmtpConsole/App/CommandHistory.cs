using SmtpConsole.Core.Messages;
using System.Text;

namespace SmtpConsole.App;

/// <summary>
/// Lines recalled with Up/Down and Ctrl+R, oldest first, persisted one per line in a file that is appended to as
/// entries arrive (so a crash loses nothing) and compacted when it grows. Only ever fed what
/// <see cref="HistoryPolicy"/> allows. Thread-safe: the session worker adds, the UI reads.
/// </summary>
internal sealed class CommandHistory
{
    /// <summary>Entries kept; the file is rewritten down to this when it holds twice as many.</summary>
    public const int MaxEntries = 1000;

    private readonly Lock _gate = new();
    private readonly List<string> _entries = [];
    private readonly string? _path;
    private int _linesInFile;

    private CommandHistory(string? path)
    {
        _path = path;
    }

    /// <summary>Where the history is saved; null when it lives in memory only.</summary>
    public string? Path => _path;

    /// <summary>Problems reading or writing the file (the console keeps working without it).</summary>
    public string? Problem { get; private set; }

    public int Count
    {
        get { lock (_gate) return _entries.Count; }
    }

    /// <summary>A history kept in memory only.</summary>
    public static CommandHistory InMemory() => new(null);

    /// <summary>Reads the history file (if any) and appends to it from now on.</summary>
    public static CommandHistory Load(string path)
    {
        var history = new CommandHistory(path);
        try
        {
            if (File.Exists(path))
            {
                var lines = File.ReadAllLines(path, Encoding.UTF8);
                history._linesInFile = lines.Length;
                foreach (var line in lines.Skip(Math.Max(0, lines.Length - MaxEntries)))
                    if (line.Length > 0) history.AddInMemory(line);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            history.Problem = MessageCatalog.Format(CoreMessages.Language, "Tui.History.CannotRead", path, ex.Message);
        }
        return history;
    }

    /// <summary>The entry <paramref name="index"/> (0 = oldest).</summary>
    public string this[int index]
    {
        get { lock (_gate) return _entries[index]; }
    }

    public IReadOnlyList<string> Snapshot()
    {
        lock (_gate) return [.. _entries];
    }

    /// <summary>Adds an entry (unless it repeats the newest) and appends it to the file.</summary>
    public void Add(string entry)
    {
        if (string.IsNullOrWhiteSpace(entry) || entry.Contains('\n') || entry.Contains('\r')) return;
        lock (_gate)
        {
            if (_entries.Count > 0 && _entries[^1] == entry) return;
            AddInMemory(entry);
            if (_path is null) return;
            try
            {
                Persist(entry);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Problem = MessageCatalog.Format(CoreMessages.Language, "Tui.History.CannotWrite", _path, ex.Message);
            }
        }
    }

    /// <summary>
    /// The newest entry before <paramref name="before"/> containing <paramref name="query"/> (case-insensitive), for
    /// Ctrl+R; returns its index or -1.
    /// </summary>
    public int SearchBackward(string query, int before)
    {
        lock (_gate)
        {
            for (int i = Math.Min(before, _entries.Count) - 1; i >= 0; i--)
                if (_entries[i].Contains(query, StringComparison.OrdinalIgnoreCase)) return i;
            return -1;
        }
    }

    private void AddInMemory(string entry)
    {
        _entries.Add(entry);
        if (_entries.Count > MaxEntries) _entries.RemoveRange(0, _entries.Count - MaxEntries);
    }

    private void Persist(string entry)
    {
        // History shows which servers and addresses were used: created readable by the owner only, like shell history.
        Core.Files.PrivateFiles.CreateParentOf(_path!);
        if (_linesInFile + 1 > 2 * MaxEntries)
        {
            // Rewrite instead of growing forever; a temp file + move keeps the old history if we die mid-way.
            string temp = _path + ".tmp";
            File.Delete(temp);
            using (var file = Core.Files.PrivateFiles.Open(temp, FileMode.CreateNew))
            using (var writer = new StreamWriter(file, new UTF8Encoding(false)) { NewLine = "\n" })
            {
                foreach (var line in _entries) writer.WriteLine(line);
            }
            File.Move(temp, _path!, overwrite: true);
            _linesInFile = _entries.Count;
            return;
        }
        using (var file = Core.Files.PrivateFiles.Open(_path!, FileMode.Append))
            file.Write(Encoding.UTF8.GetBytes(entry + "\n"));
        _linesInFile++;
    }
}
