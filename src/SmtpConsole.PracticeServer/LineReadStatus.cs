namespace SmtpConsole.PracticeServer;

/// <summary>How an attempt to read a command line ended.</summary>
internal enum LineReadStatus
{
    /// <summary>A complete line was read.</summary>
    Line,

    /// <summary>The line exceeded the limit; the rest of it up to LF is being skipped.</summary>
    TooLong,

    /// <summary>The line was not valid UTF-8.</summary>
    InvalidEncoding,

    /// <summary>The client closed the connection.</summary>
    EndOfStream,
}
