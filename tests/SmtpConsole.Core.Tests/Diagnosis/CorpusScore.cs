using System.Globalization;
using SmtpConsole.Core.Diagnosis;

namespace SmtpConsole.Core.Tests.Diagnosis;

/// <summary>
/// Scores the explainer over the corpus. A hit is the expected entry ranked first. A miss is a confident wrong
/// direction when the entry ranked first claims a specific cause (it has a text pattern, a provider or an exact
/// enhanced code) or gives the opposite retry advice to the expected entry; a miss that only falls back to the bare
/// meaning of the code with the same retry advice is counted as vague, not wrong.
/// </summary>
internal sealed record CorpusScore(int Total, int Hits, int WrongDirections, IReadOnlyList<string> Misses)
{
    public double HitRate => Total == 0 ? 0 : (double)Hits / Total;

    public static CorpusScore Measure(IReadOnlyList<ReplyCorpusCase> cases, Func<ReplyCorpusCase, Explanation> explain)
    {
        int hits = 0, wrong = 0;
        var misses = new List<string>();
        foreach (var c in cases)
        {
            Explanation e;
            try { e = explain(c); }
            catch (Exception ex) when (ex is Xunit.Sdk.XunitException)
            {
                wrong++;
                misses.Add($"{c}: not explained ({ex.Message})");
                continue;
            }
            var best = e.Best?.Entry;
            if (best?.Id == c.Expect) { hits++; continue; }
            var expected = KnowledgeBase.Default.Find(c.Expect);
            bool confident = best is not null && (best.Pattern is not null || !best.IsGeneric || IsExactEnhanced(best.Enhanced));
            bool oppositeRetry = best is not null && expected is not null
                && RetryHelps(best, e.Facts.Code) != RetryHelps(expected, e.Facts.Code);
            if (confident || oppositeRetry) wrong++;
            misses.Add($"{c} ({c.Source}): got {best?.Id ?? "nothing"}{(confident || oppositeRetry ? " [WRONG DIRECTION]" : " [vague]")}");
        }
        return new CorpusScore(cases.Count, hits, wrong, misses);
    }

    /// <summary>The one README line that reports this measurement.</summary>
    public string ReadmeLine() => string.Create(CultureInfo.InvariantCulture,
        $"Diagnosis corpus: {Total} verbatim provider/MTA replies; `explain` ranks the expected entry first for {Hits} ({Math.Floor(HitRate * 1000) / 10:0.0} %), confident wrong directions: {WrongDirections}.");

    private static bool IsExactEnhanced(string? selector) =>
        selector is not null && !selector.Contains('*', StringComparison.Ordinal);

    private static bool RetryHelps(KnowledgeEntry entry, int code) => entry.RetryHelps ?? code / 100 == 4;
}
