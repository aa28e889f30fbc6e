namespace SmtpConsole.Core.Profiles;

/// <summary>Finds the names closest to a mistyped one ("gmial" → "gmail", "hots" → "host").</summary>
internal static class ProfileNameSuggester
{
    public static IReadOnlyList<string> Suggest(string input, IEnumerable<string> candidates, int maximum = 5)
    {
        var typed = input.Trim().ToLowerInvariant();
        if (typed.Length == 0)
            return [];

        // Short names tolerate fewer edits, otherwise "aol" would suggest "qq".
        var allowedDistance = typed.Length <= 3 ? 1 : typed.Length <= 6 ? 2 : 3;
        var ranked = new List<(string Name, int Rank, int Distance)>();
        foreach (var candidate in candidates.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var lowered = candidate.ToLowerInvariant();
            var distance = EditDistance(typed, lowered);
            var isPrefix = lowered.StartsWith(typed, StringComparison.Ordinal) || (typed.Length >= 3 && typed.StartsWith(lowered, StringComparison.Ordinal));
            var isSubstring = typed.Length >= 3 && (lowered.Contains(typed, StringComparison.Ordinal) || typed.Contains(lowered, StringComparison.Ordinal));
            if (distance <= allowedDistance)
                ranked.Add((candidate, 0, distance));
            else if (isPrefix)
                ranked.Add((candidate, 1, distance));
            else if (isSubstring)
                ranked.Add((candidate, 2, distance));
        }

        return ranked
            .OrderBy(entry => entry.Rank)
            .ThenBy(entry => entry.Distance)
            .ThenBy(entry => entry.Name, StringComparer.OrdinalIgnoreCase)
            .Take(maximum)
            .Select(entry => entry.Name)
            .ToList();
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps each cost 1.</summary>
    public static int EditDistance(string first, string second)
    {
        var distances = new int[first.Length + 1, second.Length + 1];
        for (var i = 0; i <= first.Length; i++)
            distances[i, 0] = i;
        for (var j = 0; j <= second.Length; j++)
            distances[0, j] = j;

        for (var i = 1; i <= first.Length; i++)
        {
            for (var j = 1; j <= second.Length; j++)
            {
                var cost = first[i - 1] == second[j - 1] ? 0 : 1;
                var best = Math.Min(Math.Min(distances[i - 1, j] + 1, distances[i, j - 1] + 1), distances[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && first[i - 1] == second[j - 2] && first[i - 2] == second[j - 1])
                    best = Math.Min(best, distances[i - 2, j - 2] + 1);
                distances[i, j] = best;
            }
        }

        return distances[first.Length, second.Length];
    }
}
