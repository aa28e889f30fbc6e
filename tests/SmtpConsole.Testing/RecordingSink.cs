using SmtpConsole.Core.Transcript;

namespace SmtpConsole.Testing;

/// <summary>Keeps every transcript event for assertions.</summary>
public sealed class RecordingSink : ITranscriptSink
{
    private readonly List<TranscriptEvent> _events = [];

    public IReadOnlyList<TranscriptEvent> Events
    {
        get { lock (_events) return [.. _events]; }
    }

    public void Write(TranscriptEvent transcriptEvent)
    {
        lock (_events) _events.Add(transcriptEvent);
    }

    public IEnumerable<TranscriptEvent> OfKind(TranscriptEventKind kind) => Events.Where(e => e.Kind == kind);

    public string Dump() => string.Join('\n', Events.SelectMany(e => TranscriptTextFormat.FormatLines(e)));
}
