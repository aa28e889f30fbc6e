using System.Diagnostics.CodeAnalysis;

namespace SmtpConsole.Core.Diagnosis;

/// <summary>Result of <see cref="PastedReplyParser.Parse"/>: either facts or an error message for the user.</summary>
public sealed class PastedReplyParseResult
{
    private PastedReplyParseResult(ReplyFacts? facts, string? error, ReplyFacts? uncoded = null)
    {
        Facts = facts;
        Error = error;
        UncodedFacts = uncoded;
    }

    /// <summary>The reply found, when <see cref="IsSuccess"/>.</summary>
    public ReplyFacts? Facts { get; }

    /// <summary>
    /// When no reply code was found: the pasted words with the code unknown (<see cref="ReplyFacts.CodeUnknown"/>),
    /// for the text rules of the knowledge base; null when there were no words.
    /// </summary>
    public ReplyFacts? UncodedFacts { get; }

    /// <summary>Why nothing could be parsed, when not <see cref="IsSuccess"/>.</summary>
    public string? Error { get; }

    /// <summary>True when a reply was found.</summary>
    [MemberNotNullWhen(true, nameof(Facts))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Facts is not null;

    internal static PastedReplyParseResult Success(ReplyFacts facts) => new(facts, null);

    internal static PastedReplyParseResult Failure(string error, ReplyFacts? uncoded = null) => new(null, error, uncoded);
}
