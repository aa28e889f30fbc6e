using SmtpConsole.Core.Protocol;
using SmtpConsole.Core.Transcript;

namespace SmtpConsole.Tui;

/// <summary>What the console can say about a reply: the hint row under a 4xx/5xx, the full explanation (F4), and
/// the meaning of an enhanced status code (details). Backed by the diagnosis knowledge base when it is present.</summary>
internal interface IReplyAdvisor
{
    /// <summary>One line shown under a failing reply, or null.</summary>
    string? Hint(TranscriptEvent replyEvent);

    /// <summary>The full explanation of a reply, as lines.</summary>
    IReadOnlyList<string> Explain(TranscriptEvent replyEvent);

    /// <summary>What an RFC 3463 code means, or null when unknown.</summary>
    string? EnhancedMeaning(EnhancedStatusCode code);
}
