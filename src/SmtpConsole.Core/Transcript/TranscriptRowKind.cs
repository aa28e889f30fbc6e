namespace SmtpConsole.Core.Transcript;

/// <summary>What a row of a <see cref="TranscriptStore"/> shows.</summary>
public enum TranscriptRowKind : byte
{
    /// <summary>A line of the event's text.</summary>
    Text,

    /// <summary>The hint under the event (e.g. a one-line diagnosis of a 4xx/5xx reply).</summary>
    Hint,
}
