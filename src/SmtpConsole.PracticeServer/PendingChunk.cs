namespace SmtpConsole.PracticeServer;

/// <summary>A BDAT chunk the connection is reading for the session.</summary>
/// <param name="Size">Bytes announced by the BDAT command.</param>
/// <param name="IsLast">True for BDAT ... LAST.</param>
/// <param name="RefusalReply">The error to send once the chunk has been read and thrown away, or null to keep it.</param>
internal readonly record struct PendingChunk(long Size, bool IsLast, string? RefusalReply);
