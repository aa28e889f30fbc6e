using SmtpConsole.Core.Protocol;

namespace SmtpConsole.Core.Diagnosis;

/// <summary>The explanation of one reply: standard meanings, provider, and ranked knowledge-base matches.</summary>
public sealed class Explanation
{
    /// <summary>The reply that was explained.</summary>
    public required ReplyFacts Facts { get; init; }

    /// <summary>Reply class text, e.g. "5xx permanent failure".</summary>
    public required string ReplyClass { get; init; }

    /// <summary>Standard meaning of the basic reply code, when known.</summary>
    public ReplyCodeMeaning? CodeMeaning { get; init; }

    /// <summary>The enhanced code, if the reply had one.</summary>
    public EnhancedStatusCode? Enhanced => Facts.Enhanced;

    /// <summary>Registry meaning of the enhanced code's subject/detail, when registered.</summary>
    public EnhancedStatusMeaning? EnhancedMeaning { get; init; }

    /// <summary>
    /// True when the provider uses the enhanced code outside its registry meaning here, so
    /// <see cref="EnhancedMeaning"/>'s title must not be presented as what this reply means.
    /// </summary>
    public bool EnhancedMeaningMisleading { get; init; }

    /// <summary>Who answered, when it was not the user's own server (e.g. a delivery bounce from the recipient's MX).</summary>
    public string? Origin { get; init; }

    /// <summary>Meaning of the enhanced code's class digit.</summary>
    public StatusCategoryMeaning? EnhancedClass { get; init; }

    /// <summary>Meaning of the enhanced code's subject digit.</summary>
    public StatusCategoryMeaning? EnhancedSubject { get; init; }

    /// <summary>The recognised provider, if any.</summary>
    public RecognizedProvider? Provider { get; init; }

    /// <summary>Matching entries, best first.</summary>
    public required IReadOnlyList<DiagnosisMatch> Matches { get; init; }

    /// <summary>The best match, if any.</summary>
    public DiagnosisMatch? Best => Matches.Count > 0 ? Matches[0] : null;

    /// <summary>Short hint to show under a 4xx/5xx reply in the TUI; null for 2xx/3xx replies.</summary>
    public string? OneLineHint { get; init; }

    /// <summary>A one-paragraph summary.</summary>
    public required string Summary { get; init; }
}
