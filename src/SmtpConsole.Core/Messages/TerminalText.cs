using System.Text;
using Wcwidth;

namespace SmtpConsole.Core.Messages;

/// <summary>
/// Widths of text on a terminal from the Unicode East Asian Width data (the Wcwidth package, which Terminal.Gui uses
/// too): a CJK character takes two columns, a combining mark none. Tables pad with this, not with string length.
/// </summary>
public static class TerminalText
{
    /// <summary>How many columns <paramref name="text"/> takes (control characters count as none).</summary>
    public static int Columns(string text)
    {
        int columns = 0;
        foreach (Rune rune in text.EnumerateRunes()) columns += Math.Max(0, UnicodeCalculator.GetWidth(rune));
        return columns;
    }

    /// <summary>Pads <paramref name="text"/> with spaces to <paramref name="columns"/> terminal columns.</summary>
    public static string PadRight(string text, int columns)
    {
        int used = Columns(text);
        return used >= columns ? text : text + new string(' ', columns - used);
    }
}
