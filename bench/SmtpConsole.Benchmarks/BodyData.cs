using System.Text;

namespace SmtpConsole.Benchmarks;

/// <summary>Deterministic message bodies for the dot-stuffing benchmarks (4 MiB each).</summary>
internal static class BodyData
{
    public const int Size = 4 * 1024 * 1024;

    /// <summary>Mail-like text: CRLF lines of 0–78 characters, about 2 % starting with '.'.</summary>
    public static readonly byte[] Text = Build("\r\n", dotted: false);

    /// <summary>The same text with bare LF line ends (a Unix file), each of which becomes CRLF.</summary>
    public static readonly byte[] BareLf = Build("\n", dotted: false);

    /// <summary>Worst case: every line is ".x" (short, and every one gets an extra dot).</summary>
    public static readonly byte[] Dots = Build("\r\n", dotted: true);

    private static byte[] Build(string newline, bool dotted)
    {
        var random = new Random(42);
        var sb = new StringBuilder(Size + 100);
        const string words = "the quick brown fox jumps over the lazy dog and then some more words to fill a line of mail text ";
        while (sb.Length < Size)
        {
            if (dotted)
            {
                sb.Append(".x").Append(newline);
                continue;
            }
            int length = random.Next(0, 79);
            if (random.Next(50) == 0) sb.Append('.');
            int start = random.Next(0, words.Length - 1);
            for (int i = 0; i < length; i++) sb.Append(words[(start + i) % words.Length]);
            sb.Append(newline);
        }
        return Encoding.ASCII.GetBytes(sb.ToString(0, Size));
    }
}
