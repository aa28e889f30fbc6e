namespace SmtpConsole.Core.Transcript;

/// <summary>
/// Marks the wire lines produced by one helper (e.g. <c>/auth login</c>) so a saved transcript can be replayed by
/// running the helper again instead of resending lines whose secrets were redacted.
/// </summary>
public enum HelperBoundary : byte
{
    None,
    Start,
    End,
}
