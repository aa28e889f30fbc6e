namespace SmtpConsole.Core.Transcript;

/// <summary>
/// The events of a session laid out as display rows, for a virtualised view: an event becomes one row per text
/// line (a multi-line reply or info is several rows) plus an optional hint row (e.g. a diagnosis under a 5xx).
/// Events sit in fixed-size chunks of structs, so a million events are a few hundred arrays and no per-row objects;
/// a row index is turned into (event, line) by binary search over the chunks' first rows.
/// When <see cref="MaxEvents"/> is exceeded the oldest whole chunk is dropped (ring behaviour); row numbers of the
/// remaining rows then shift down by <see cref="Append"/>'s return value.
/// Not thread-safe: one thread (the UI thread) appends and reads.
/// </summary>
public sealed class TranscriptStore
{
    /// <summary>Events per chunk: large enough that the chunk list stays short, small enough that eviction is gradual.</summary>
    public const int ChunkSize = 4096;

    /// <summary>The default cap: generous for any interactive session; the session log on disk keeps everything.</summary>
    public const int DefaultMaxEvents = 2_000_000;

    private readonly List<Chunk> _chunks = [];
    private readonly Func<TranscriptEvent, string?>? _hint;
    private long _firstRowNumber;
    private long _nextRowNumber;
    private int _eventCount;

    /// <param name="maxEvents">Events kept in memory before the oldest are dropped (rounded to whole chunks).</param>
    /// <param name="hint">Computes an extra row shown under an event (e.g. a one-line diagnosis of a 5xx); called once per event.</param>
    public TranscriptStore(int maxEvents = DefaultMaxEvents, Func<TranscriptEvent, string?>? hint = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxEvents, ChunkSize);
        MaxEvents = maxEvents;
        _hint = hint;
    }

    public int MaxEvents { get; }

    /// <summary>Rows held now. Capped well below <see cref="int.MaxValue"/> by <see cref="MaxEvents"/> in practice.</summary>
    public int RowCount => (int)(_nextRowNumber - _firstRowNumber);

    /// <summary>Events held now.</summary>
    public int EventCount => _eventCount;

    /// <summary>Events dropped from the front so far.</summary>
    public long EvictedEvents { get; private set; }

    /// <summary>The longest row seen so far, in characters (the content width for horizontal scrolling).</summary>
    public int MaxRowLength { get; private set; }

    /// <summary>Increases on every append; lets a view notice changes cheaply.</summary>
    public long Version { get; private set; }

    /// <summary>Adds an event; returns how many rows were evicted from the front to make room (0 almost always).</summary>
    public int Append(TranscriptEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        string? hint = _hint?.Invoke(e);
        int lines = CountLines(e.Text, out int longest);
        int rows = lines + (hint is null ? 0 : 1);
        if (hint is not null) longest = Math.Max(longest, hint.Length);
        MaxRowLength = Math.Max(MaxRowLength, longest);

        if (_chunks.Count == 0 || _chunks[^1].Count == ChunkSize) _chunks.Add(new Chunk(_nextRowNumber));
        var chunk = _chunks[^1];
        chunk.Entries[chunk.Count] = new Entry(e, _nextRowNumber, lines, hint);
        chunk.Count++;
        _nextRowNumber += rows;
        _eventCount++;
        Version++;
        return _eventCount > MaxEvents ? EvictOldestChunk() : 0;
    }

    /// <summary>The row at <paramref name="row"/> (0 = oldest row held).</summary>
    public TranscriptRow RowAt(int row)
    {
        if ((uint)row >= (uint)RowCount) throw new ArgumentOutOfRangeException(nameof(row), row, "no such row");
        long number = _firstRowNumber + row;
        int chunkIndex = FindChunk(number);
        var chunk = _chunks[chunkIndex];
        int entryIndex = FindEntry(chunk, number);
        ref readonly var entry = ref chunk.Entries[entryIndex];
        int line = (int)(number - entry.FirstRow);
        int eventIndex = EventIndexOf(chunkIndex, entryIndex);
        return line < entry.Lines
            ? new TranscriptRow(entry.Event, eventIndex, line, entry.Lines, TranscriptRowKind.Text, null)
            : new TranscriptRow(entry.Event, eventIndex, line, entry.Lines, TranscriptRowKind.Hint, entry.Hint);
    }

    /// <summary>The event at <paramref name="eventIndex"/> (0 = oldest held).</summary>
    public TranscriptEvent EventAt(int eventIndex)
    {
        var (chunk, entry) = Locate(eventIndex);
        return _chunks[chunk].Entries[entry].Event;
    }

    /// <summary>The first row of an event.</summary>
    public int FirstRowOf(int eventIndex)
    {
        var (chunk, entry) = Locate(eventIndex);
        return (int)(_chunks[chunk].Entries[entry].FirstRow - _firstRowNumber);
    }

    /// <summary>The hint row text of an event, if it has one.</summary>
    public string? HintOf(int eventIndex)
    {
        var (chunk, entry) = Locate(eventIndex);
        return _chunks[chunk].Entries[entry].Hint;
    }

    /// <summary>The newest event index at or before <paramref name="eventIndex"/> that matches, or -1.</summary>
    public int FindLast(Func<TranscriptEvent, bool> match, int eventIndex)
    {
        for (int i = Math.Min(eventIndex, _eventCount - 1); i >= 0; i--)
            if (match(EventAt(i))) return i;
        return -1;
    }

    /// <summary>The events held, oldest first (for saving).</summary>
    public IEnumerable<TranscriptEvent> Events()
    {
        foreach (var chunk in _chunks)
            for (int i = 0; i < chunk.Count; i++) yield return chunk.Entries[i].Event;
    }

    /// <summary>The text of line <paramref name="line"/> of <paramref name="text"/> ('\n'-separated) without splitting the whole text.</summary>
    public static string LineOf(string text, int line)
    {
        int start = 0;
        for (int i = 0; i < line; i++)
        {
            int next = text.IndexOf('\n', start);
            if (next < 0) return string.Empty;
            start = next + 1;
        }
        int end = text.IndexOf('\n', start);
        return end < 0 ? (start == 0 ? text : text[start..]) : text[start..end];
    }

    private static int CountLines(string text, out int longest)
    {
        int lines = 1;
        int start = 0;
        longest = 0;
        int next;
        while ((next = text.IndexOf('\n', start)) >= 0)
        {
            longest = Math.Max(longest, next - start);
            lines++;
            start = next + 1;
        }
        longest = Math.Max(longest, text.Length - start);
        return lines;
    }

    private int EvictOldestChunk()
    {
        var oldest = _chunks[0];
        _chunks.RemoveAt(0);
        long newFirst = _chunks.Count > 0 ? _chunks[0].FirstRow : _nextRowNumber;
        int evictedRows = (int)(newFirst - _firstRowNumber);
        _firstRowNumber = newFirst;
        _eventCount -= oldest.Count;
        EvictedEvents += oldest.Count;
        return evictedRows;
    }

    private (int Chunk, int Entry) Locate(int eventIndex)
    {
        if ((uint)eventIndex >= (uint)_eventCount) throw new ArgumentOutOfRangeException(nameof(eventIndex), eventIndex, "no such event");
        // Only the last chunk can be partly filled, so every chunk before it holds exactly ChunkSize events.
        return (eventIndex / ChunkSize, eventIndex % ChunkSize);
    }

    private static int EventIndexOf(int chunk, int entry) => chunk * ChunkSize + entry;

    private int FindChunk(long rowNumber)
    {
        int lo = 0, hi = _chunks.Count - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) >>> 1;
            if (_chunks[mid].FirstRow <= rowNumber) lo = mid;
            else hi = mid - 1;
        }
        return lo;
    }

    private static int FindEntry(Chunk chunk, long rowNumber)
    {
        int lo = 0, hi = chunk.Count - 1;
        var entries = chunk.Entries;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) >>> 1;
            if (entries[mid].FirstRow <= rowNumber) lo = mid;
            else hi = mid - 1;
        }
        return lo;
    }

    private readonly record struct Entry(TranscriptEvent Event, long FirstRow, int Lines, string? Hint);

    private sealed class Chunk(long firstRow)
    {
        public readonly Entry[] Entries = new Entry[ChunkSize];
        public readonly long FirstRow = firstRow;
        public int Count;
    }
}
