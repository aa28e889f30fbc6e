namespace SmtpConsole.Core.Protocol;

/// <summary>The first digit of a reply code (RFC 5321 §4.2.1).</summary>
public enum ReplyClass
{
    /// <summary>The line was not a valid reply (no three-digit code).</summary>
    Malformed = 0,

    /// <summary>2yz: the command was accepted.</summary>
    PositiveCompletion = 2,

    /// <summary>3yz: accepted so far; the server waits for more (354 for DATA, 334 for AUTH).</summary>
    PositiveIntermediate = 3,

    /// <summary>4yz: failed for now; trying again later may work.</summary>
    TransientNegative = 4,

    /// <summary>5yz: failed; repeating the same command will fail again.</summary>
    PermanentNegative = 5,
}
