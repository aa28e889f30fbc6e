namespace SmtpConsole.Core.Diagnosis;

/// <summary>A reply-code selector from the data: <c>535</c>, <c>53x</c> or <c>5xx</c>.</summary>
internal readonly record struct CodePattern(string Text, int Digits)
{
    /// <summary>Parses a selector; false for anything that isn't three characters of digits then x's.</summary>
    internal static bool TryParse(string text, out CodePattern pattern)
    {
        pattern = default;
        if (text.Length != 3 || text[0] is < '2' or > '5') return false;
        int digits = 0;
        while (digits < 3 && char.IsAsciiDigit(text[digits])) digits++;
        for (int i = digits; i < 3; i++)
            if (text[i] is not ('x' or 'X')) return false;
        pattern = new CodePattern(text, digits);
        return true;
    }

    /// <summary>How specifically this selector matches the code: 3 exact, 2 tens, 1 class, 0 no match.</summary>
    internal int Match(int code, bool classOnly)
    {
        string c = code.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (c.Length != 3) return 0;
        int needed = classOnly ? Math.Min(Digits, 1) : Digits;
        for (int i = 0; i < needed; i++)
            if (c[i] != Text[i]) return 0;
        return needed == 0 ? 0 : needed;
    }
}
