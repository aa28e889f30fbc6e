namespace SmtpConsole.Core.Transcript;

/// <summary>
/// One display row of a <see cref="TranscriptStore"/>: which event, which of its lines, and what kind of row.
/// A value type, made on demand for the rows on screen only.
/// </summary>
/// <param name="Event">The event the row belongs to.</param>
/// <param name="EventIndex">The event's index in the store (0 = oldest held).</param>
/// <param name="Line">Which row of the event (0-based); the hint row comes after the text lines.</param>
/// <param name="TextLines">How many text lines the event has (its hint row, if any, is not counted).</param>
/// <param name="Kind">Text line of the event, or the hint under it.</param>
/// <param name="Hint">The hint text, for <see cref="TranscriptRowKind.Hint"/> rows.</param>
public readonly record struct TranscriptRow(TranscriptEvent Event, int EventIndex, int Line, int TextLines, TranscriptRowKind Kind, string? Hint)
{
    /// <summary>True for the first row of the event (where a gutter label and timing go).</summary>
    public bool IsFirstLine => Line == 0;

    /// <summary>True for the last text line of the event (where its decoded note goes).</summary>
    public bool IsLastTextLine => Kind == TranscriptRowKind.Text && Line == TextLines - 1;

    /// <summary>The row's text: its line of the event text (secrets revealed only when asked), or the hint.</summary>
    public string Text(bool revealSecrets = false) =>
        Kind == TranscriptRowKind.Hint ? Hint ?? string.Empty : TranscriptStore.LineOf(Event.TextFor(revealSecrets), Line);
}
