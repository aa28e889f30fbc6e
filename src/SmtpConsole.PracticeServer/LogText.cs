using System.Globalization;
using System.Text;

namespace SmtpConsole.PracticeServer;

/// <summary>
/// Makes client-controlled text safe to print on the operator's terminal: control characters (ESC, CR, LF, BEL, C1)
/// and invisible format characters (zero-width, bidi overrides, BOM, tag characters) become visible <c>\x{…}</c>
/// escapes, so a client can neither change the terminal nor forge log lines nor hide text.
/// </summary>
public static class LogText
{
    /// <summary>Returns <paramref name="text"/> with every unsafe character replaced by <c>\x{HEX}</c> (a backslash by <c>\\</c>).</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var codePoint = CodePointAt(text, i, out var length);
            if (codePoint != '\\' && !IsUnsafe(codePoint))
            {
                builder?.Append(text, i, length);
            }
            else
            {
                builder ??= new StringBuilder(text.Length + 16).Append(text, 0, i);
                builder.Append(codePoint == '\\' ? @"\\" : string.Create(CultureInfo.InvariantCulture, $"\\x{{{codePoint:X}}}"));
            }

            i += length - 1;
        }

        return builder?.ToString() ?? text;
    }

    private static int CodePointAt(string text, int index, out int length)
    {
        length = 1;
        if (char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
        {
            length = 2;
            return char.ConvertToUtf32(text[index], text[index + 1]);
        }

        return text[index];
    }

    private static bool IsUnsafe(int codePoint) =>
        codePoint < 0x20 || codePoint is >= 0x7F and <= 0x9F
        || codePoint is >= 0xD800 and <= 0xDFFF // a lone surrogate
        || (codePoint <= 0xFFFF && CharUnicodeInfo.GetUnicodeCategory((char)codePoint) == UnicodeCategory.Format)
        || codePoint is >= 0xE0000 and <= 0xE007F;
}
