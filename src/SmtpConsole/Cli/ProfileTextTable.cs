using System.Text;
using SmtpConsole.Core.Messages;

namespace SmtpConsole.Cli;

/// <summary>Lays out rows of text in left-aligned columns separated by two spaces (by terminal width: CJK takes two columns).</summary>
internal static class ProfileTextTable
{
    public static IEnumerable<string> Format(IReadOnlyList<string[]> rows, string indent = "")
    {
        if (rows.Count == 0)
            yield break;

        var columns = rows.Max(row => row.Length);
        var widths = new int[columns];
        foreach (var row in rows)
        {
            for (var column = 0; column < row.Length; column++)
                widths[column] = Math.Max(widths[column], TerminalText.Columns(row[column]));
        }

        foreach (var row in rows)
        {
            var line = new StringBuilder(indent);
            for (var column = 0; column < row.Length; column++)
            {
                // The last column is not padded, so lines carry no trailing spaces.
                line.Append(column == row.Length - 1 ? row[column] : TerminalText.PadRight(row[column], widths[column] + 2));
            }

            yield return line.ToString().TrimEnd();
        }
    }
}
