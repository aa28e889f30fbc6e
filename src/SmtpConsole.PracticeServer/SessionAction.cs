namespace SmtpConsole.PracticeServer;

/// <summary>What the connection loop must do after sending a <see cref="SessionReply"/>.</summary>
public enum SessionAction
{
    /// <summary>Read the next command line.</summary>
    None,

    /// <summary>Flush the reply, discard buffered plaintext (RFC 3207) and run the TLS server handshake.</summary>
    StartTls,

    /// <summary>Read DATA content up to CRLF.CRLF, feeding it to <see cref="PracticeSession.AppendMessageContent"/>.</summary>
    ReadMessageData,

    /// <summary>Read exactly <see cref="SessionReply.ChunkSize"/> bytes of BDAT content, then call <see cref="PracticeSession.CompleteChunk"/>.</summary>
    ReadChunk,

    /// <summary>The next line is a SASL response; allow the longer SASL line limit.</summary>
    ReadAuthResponse,

    /// <summary>Flush the reply and close the connection.</summary>
    Close,
}
