namespace SmtpConsole.Core.Protocol;

/// <summary>What kind of client turn a reply answers; decides how the reply moves the session along.</summary>
public enum PendingCommandKind
{
    /// <summary>No command: the server's 220 (or refusal) when the connection opens.</summary>
    Greeting,

    /// <summary>One command line, waited for on its own.</summary>
    Command,

    /// <summary>One command of an RFC 2920 pipelined group (its reply is labelled with the line it answers).</summary>
    PipelinedCommand,

    /// <summary>A line sent after a 334: a SASL response (or "*" to cancel) that belongs to AUTH.</summary>
    SaslResponse,

    /// <summary>The lone '.' that ends a DATA body: the reply is the server's verdict on the message.</summary>
    EndOfData,

    /// <summary>A <c>BDAT n [LAST]</c> chunk (RFC 3030).</summary>
    BdatChunk,
}
