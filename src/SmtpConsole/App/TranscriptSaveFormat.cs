namespace SmtpConsole.App;

internal enum TranscriptSaveFormat
{
    /// <summary>C:/S: lines with # comments; replays as a script.</summary>
    Text,

    /// <summary>One JSON object per event.</summary>
    JsonLines,
}
