namespace SmtpConsole.Core.Transcript;

/// <summary>Receives every event as it is recorded (a file, stdout, the TUI's store).</summary>
public interface ITranscriptSink
{
    /// <summary>Called under the recorder's lock, in order. Must be quick and must not call back into the recorder.</summary>
    void Write(TranscriptEvent transcriptEvent);
}
