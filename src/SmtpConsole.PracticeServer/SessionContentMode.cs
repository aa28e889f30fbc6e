namespace SmtpConsole.PracticeServer;

/// <summary>Whether a session is reading command lines or message content.</summary>
internal enum SessionContentMode
{
    /// <summary>Reading command lines.</summary>
    None,

    /// <summary>Reading DATA content up to CRLF.CRLF.</summary>
    Data,

    /// <summary>Reading the bytes of one BDAT chunk.</summary>
    Chunk,
}
