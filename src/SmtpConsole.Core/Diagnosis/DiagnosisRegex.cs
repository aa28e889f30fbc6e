using System.Text.RegularExpressions;

namespace SmtpConsole.Core.Diagnosis;

/// <summary>Regex helpers shared by the knowledge base: data patterns must never hang or crash the console.</summary>
internal static class DiagnosisRegex
{
    // Data regexes come from a file anyone can edit; a timeout bounds a catastrophic pattern.
    internal static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(250);

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
    internal static Match? SafeMatch(Regex regex, string input)
    {
        try
        {
            var m = regex.Match(input);
            return m.Success ? m : null;
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }
}
