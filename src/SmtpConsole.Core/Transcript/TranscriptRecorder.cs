namespace SmtpConsole.Core.Transcript;

/// <summary>
/// Stamps events (time, milliseconds since the previous one, sequence) and hands them to the sinks in order.
/// Thread-safe: the engine's reader loop and command path both record.
/// </summary>
public sealed class TranscriptRecorder
{
    private readonly Lock _gate = new();
    private readonly List<ITranscriptSink> _sinks = [];
    private readonly TimeProvider _time;
    private long _sequence;
    private long _lastTimestamp;
    private readonly List<string> _sinkFailures = [];

    public TranscriptRecorder(TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        _lastTimestamp = _time.GetTimestamp();
    }

    /// <summary>Raised after the sinks saw an event (outside the lock).</summary>
    public event Action<TranscriptEvent>? Recorded;

    /// <summary>Sink failures (e.g. disk full) reported once each; recording goes on without that sink's output.</summary>
    public IReadOnlyList<string> SinkFailures
    {
        get { lock (_gate) return [.. _sinkFailures]; }
    }

    public void AddSink(ITranscriptSink sink)
    {
        lock (_gate) _sinks.Add(sink);
    }

    public void RemoveSink(ITranscriptSink sink)
    {
        lock (_gate) _sinks.Remove(sink);
    }

    public TranscriptEvent Record(TranscriptEvent e)
    {
        List<string>? stopped = null;
        lock (_gate)
        {
            long now = _time.GetTimestamp();
            e.ElapsedMs = _time.GetElapsedTime(_lastTimestamp, now).TotalMilliseconds;
            e.Timestamp = _time.GetUtcNow();
            e.Sequence = _sequence++;
            _lastTimestamp = now;
            foreach (var sink in _sinks)
            {
                try
                {
                    sink.Write(e);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ObjectDisposedException)
                {
                    string failure = ex is TranscriptFileStoppedException ? ex.Message : $"{sink.GetType().Name}: {ex.Message}";
                    if (!_sinkFailures.Contains(failure))
                    {
                        _sinkFailures.Add(failure);
                        (stopped ??= []).Add(failure);
                    }
                }
            }
        }
        Recorded?.Invoke(e);
        // Said at once, on screen and in every file still working: a silent gap in a saved transcript is worse than none.
        if (stopped is not null)
            foreach (var failure in stopped) Warn(failure);
        return e;
    }

    public TranscriptEvent Info(string text) => Record(TranscriptEvent.Info(text));
    public TranscriptEvent Warn(string text) => Record(TranscriptEvent.Warn(text));
    public TranscriptEvent Error(string text) => Record(TranscriptEvent.Error(text));

    /// <summary>An error with a remedy key (each front end words the remedy its own way).</summary>
    public TranscriptEvent Error(string text, Messages.Remedy remedy) => Record(new TranscriptEvent(TranscriptEventKind.Error, text) { Remedy = remedy });
}
