using System.Text.RegularExpressions;

namespace SmtpConsole.Core.Diagnosis;

/// <summary>Regex helpers shared by the knowledge base: data patterns must never hang or crash the console.</summary>
internal static class DiagnosisRegex
{
    // Data regexes come from a file anyone can edit; a timeout bounds a catastrophic pattern. It is measured in wall-clock
    // time, so it must stay far above what a busy machine's scheduler can take from a healthy match (microseconds of
    // work): at 250 ms, a loaded CI host (load 25 on 2 cores) could turn a good pattern into "no match".
    internal static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    internal const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    /// <summary>Compiles a data pattern, or returns null and a problem description.</summary>
    internal static Regex? TryCreate(string pattern, string owner, List<string> problems)
    {
        try
        {
            return new Regex(pattern, Options, Timeout);
        }
        catch (ArgumentException ex)
        {
            problems.Add($"{owner}: invalid regex '{pattern}': {ex.Message}");
            return null;
        }
    }

    /// <summary>Matches without letting a timeout escape; a timed-out pattern counts as no match.</summary>
    internal static Match? SafeMatch(Regex regex, string input) => TryMatch(regex, input, out var m) == true ? m : null;

    /// <summary>
    /// True when <paramref name="regex"/> matches, false when it does not; null when the match ran out of time, which
    /// says nothing about the pattern (a slow machine) or everything (a catastrophic pattern) — callers decide.
    /// </summary>
    internal static bool? TryMatch(Regex regex, string input, out Match? match)
    {
        try
        {
            var m = regex.Match(input);
            match = m.Success ? m : null;
            return m.Success;
        }
        catch (RegexMatchTimeoutException)
        {
            match = null;
            return null;
        }
    }
}
