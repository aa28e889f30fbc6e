using System.Collections.Concurrent;
using SmtpConsole.Core.Transcript;

namespace SmtpConsole.App;

/// <summary>
/// The recorder's sink for the screen. The recorder calls it under its lock on engine threads, so it only
/// enqueues; the UI thread moves the events into the <see cref="TranscriptStore"/> in batches.
/// </summary>
internal sealed class TranscriptFeed : ITranscriptSink
{
    private readonly ConcurrentQueue<TranscriptEvent> _pending = new();

    public void Write(TranscriptEvent transcriptEvent) => _pending.Enqueue(transcriptEvent);

    public bool IsEmpty => _pending.IsEmpty;

    /// <summary>Moves up to <paramref name="max"/> events into the store; returns (appended, rows evicted).</summary>
    public (int Appended, int EvictedRows) DrainInto(TranscriptStore store, int max = 50_000)
    {
        int appended = 0, evicted = 0;
        while (appended < max && _pending.TryDequeue(out var e))
        {
            evicted += store.Append(e);
            appended++;
        }
        return (appended, evicted);
    }
}
