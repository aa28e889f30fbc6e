using SmtpConsole.Core.Protocol;

namespace SmtpConsole.Core.Diagnosis;

/// <summary>An enhanced-code selector: <c>5.7.8</c>, <c>X.7.8</c>, <c>5.7.*</c>, <c>X.7.2*</c>.</summary>
internal sealed class EnhancedPattern
{
    private readonly string[] _parts;

    private EnhancedPattern(string[] parts, bool exact)
    {
        _parts = parts;
        IsExact = exact;
    }

    /// <summary>True when every part is a concrete number (class may be X).</summary>
    internal bool IsExact { get; }

    internal static EnhancedPattern? TryParse(string text)
    {
        string[] parts = text.Split('.');
        if (parts.Length != 3) return null;
        bool exact = true;
        for (int i = 0; i < 3; i++)
        {
            string p = parts[i];
            if (p.Length == 0) return null;
            if (i == 0 && p is "X" or "x" or "*") continue;
            if (p == "*") { exact = false; continue; }
            string digits = p.EndsWith('*') ? p[..^1] : p;
            if (digits.Length == 0 || !digits.All(char.IsAsciiDigit)) return null;
            if (p.EndsWith('*')) exact = false;
        }
        if (parts[0] is not ("X" or "x" or "*" or "2" or "4" or "5")) return null;
        return new EnhancedPattern(parts, exact);
    }

    internal bool Matches(EnhancedStatusCode code) =>
        PartMatches(_parts[0], code.Class, isClass: true)
        && PartMatches(_parts[1], code.Subject, isClass: false)
        && PartMatches(_parts[2], code.Detail, isClass: false);

    private static bool PartMatches(string part, int value, bool isClass)
    {
        if (part == "*" || (isClass && part is "X" or "x")) return true;
        string v = value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return part.EndsWith('*') ? v.StartsWith(part[..^1], StringComparison.Ordinal) : v == part;
    }
}
