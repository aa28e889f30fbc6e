namespace SmtpConsole.Core.Diagnosis;

/// <summary>A knowledge entry that fits a reply, with its score and the reasons it fits.</summary>
/// <param name="Entry">The matched entry.</param>
/// <param name="Score">Higher is better; only meaningful relative to other matches of the same reply.</param>
/// <param name="Why">Why it matched, each reason worded by the output that shows it.</param>
public sealed record DiagnosisMatch(KnowledgeEntry Entry, int Score, IReadOnlyList<MatchReason> Why)
{
    /// <summary>The reasons in English, e.g. "code 535", "text \"Username and Password not accepted\"" (JSON, logs).</summary>
    public IReadOnlyList<string> Reasons => [.. Why.Select(r => r.ToString())];
}
