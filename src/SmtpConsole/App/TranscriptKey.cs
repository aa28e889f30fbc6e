namespace SmtpConsole.App;

/// <summary>Transcript movements the input line forwards.</summary>
internal enum TranscriptKey
{
    PageUp,
    PageDown,
    Top,
    Bottom,
}
