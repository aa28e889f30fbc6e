using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SmtpConsole.Core.Messages;

namespace SmtpConsole.Cli;

/// <summary>
/// Wraps help text (and other indented console text: lists, two-column rows) by terminal columns. System.CommandLine wraps at a width counted in characters, so a Chinese
/// description (two columns a character) runs past the edge and the terminal breaks it at column 0, out of its
/// column. Here a long row is broken by <see cref="TerminalText"/> widths: between Chinese characters or at spaces,
/// never before closing punctuation, continuing under the description column.
/// </summary>
internal static partial class HelpWrap
{
    // Full-width and ASCII punctuation that must not begin a line (the usual line-breaking rule for Chinese).
    private const string NoLineStart = "，。、；：！？）」』】》〉”’,.;:!?)]}";

    public static string Wrap(string help, int width)
    {
        if (width <= 20) return help;
        var output = new List<string>();
        foreach (string raw in help.Split('\n'))
        {
            string line = raw.TrimEnd('\r');
            if (TerminalText.Columns(line) <= width)
            {
                output.Add(raw);
                continue;
            }
            // A two-column row ("  --name <value>   description") continues under its description; any other line under its indent.
            // A list item ("  - text") continues under its text.
            var row = Bullet().Match(line) is { Success: true } bullet ? bullet : TwoColumnRow().Match(line);
            string head = row.Success ? row.Groups[1].Value : line[..(line.Length - line.TrimStart().Length)];
            string body = line[head.Length..];
            int indent = TerminalText.Columns(head);
            var pieces = Break(body, Math.Max(10, width - indent));
            output.Add(head + pieces[0]);
            output.AddRange(pieces.Skip(1).Select(piece => new string(' ', indent) + piece));
        }
        return string.Join('\n', output);
    }

    /// <summary>Splits <paramref name="text"/> into lines of at most <paramref name="columns"/> terminal columns.</summary>
    internal static List<string> Break(string text, int columns)
    {
        var lines = new List<string>();
        var current = new StringBuilder();
        int used = 0;
        foreach (string unit in Units(text).SelectMany(u => Split(u, columns)))
        {
            int w = TerminalText.Columns(unit);
            if (used + w > columns && used > 0)
            {
                string carried = string.Empty;
                // Closing punctuation stays with the text before it: take that text's last unit down with it.
                if (NoLineStart.Contains(unit[0], StringComparison.Ordinal) && LastUnit(current.ToString()) is { Length: > 0 } last && last.Length < current.Length)
                {
                    carried = last;
                    current.Length -= last.Length;
                }
                lines.Add(current.ToString().TrimEnd());
                current.Clear().Append(carried);
                used = TerminalText.Columns(carried);
                if (unit == " ") continue;
            }
            if (used == 0 && unit == " ") continue;
            current.Append(unit);
            used += w;
        }
        if (current.Length > 0 || lines.Count == 0) lines.Add(current.ToString().TrimEnd());
        return lines;
    }

    // Units a line may break between: a run of non-space characters that are not wide, a single wide character, a space.
    private static IEnumerable<string> Units(string text)
    {
        var word = new StringBuilder();
        foreach (var element in EnumerateElements(text))
        {
            bool wide = TerminalText.Columns(element) >= 2;
            if (element == " " || wide)
            {
                if (word.Length > 0) yield return word.ToString();
                word.Clear();
                yield return element;
            }
            else
            {
                word.Append(element);
            }
        }
        if (word.Length > 0) yield return word.ToString();
    }

    // A word wider than a whole line (a long variable name in a narrow terminal) is cut where the line ends.
    private static IEnumerable<string> Split(string unit, int columns)
    {
        if (TerminalText.Columns(unit) <= columns)
        {
            yield return unit;
            yield break;
        }
        var piece = new StringBuilder();
        foreach (string element in EnumerateElements(unit))
        {
            if (piece.Length > 0 && TerminalText.Columns(piece.ToString() + element) > columns)
            {
                yield return piece.ToString();
                piece.Clear();
            }
            piece.Append(element);
        }
        if (piece.Length > 0) yield return piece.ToString();
    }

    private static IEnumerable<string> EnumerateElements(string text)
    {
        var e = StringInfo.GetTextElementEnumerator(text);
        while (e.MoveNext()) yield return e.GetTextElement();
    }

    private static string LastUnit(string text) => Units(text).LastOrDefault(u => u != " ") ?? string.Empty;

    [GeneratedRegex(@"^(\s*- )(?=\S)")]
    private static partial Regex Bullet();

    [GeneratedRegex(@"^(\s+\S.*?\s{2,})(?=\S)")]
    private static partial Regex TwoColumnRow();
}
