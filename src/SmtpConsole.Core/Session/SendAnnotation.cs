namespace SmtpConsole.Core.Session;

/// <summary>
/// How a line is shown in the transcript when it differs from the wire: secrets are replaced by
/// <see cref="Display"/> (or the redaction mark) and <see cref="Note"/> adds a decoded explanation.
/// </summary>
public sealed record SendAnnotation(bool Secret, string? Note = null, string? Display = null)
{
    public static SendAnnotation None { get; } = new(false);
}
