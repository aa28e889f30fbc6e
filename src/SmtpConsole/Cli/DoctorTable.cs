using System.Globalization;
using SmtpConsole.Core.Doctor;
using SmtpConsole.Core.Messages;

namespace SmtpConsole.Cli;

/// <summary>
/// The doctor's findings as text rows: status, check, detail, and the fix under it. Status words, check names and the
/// summary come from the message catalogue; columns are aligned by terminal width, so Chinese check names line up.
/// </summary>
internal static class DoctorTable
{
    /// <param name="width">The terminal's width: details and fixes wrap by terminal columns under their column (null: no wrapping, as for a file or pipe).</param>
    public static IReadOnlyList<string> Format(DoctorReport report, UiLanguage language, bool colour, int? width = null)
    {
        var checks = report.Findings.Select(f => f.CheckIn(language)).ToList();
        var statuses = report.Findings.Select(f => MessageCatalog.Get("Doctor.Status." + f.Status, language)).ToList();
        int checkWidth = checks.Count == 0 ? 0 : checks.Max(TerminalText.Columns);
        int statusWidth = Math.Max(4, statuses.Count == 0 ? 0 : statuses.Max(TerminalText.Columns));
        var lines = new List<string>();
        for (int i = 0; i < report.Findings.Count; i++)
        {
            var f = report.Findings[i];
            string status = TerminalText.PadRight(statuses[i], statusWidth);
            if (colour)
            {
                string c = f.Status switch { FindingStatus.Pass => "\e[32m", FindingStatus.Warn => "\e[33m", FindingStatus.Fail => "\e[1;31m", _ => "\e[2m" };
                status = c + status + "\e[0m";
            }
            string indent = new(' ', statusWidth + 2 + checkWidth + 2);
            var detail = Wrap(f.DetailIn(language), width, indent.Length);
            lines.Add($"{status}  {TerminalText.PadRight(checks[i], checkWidth)}  {detail[0]}");
            lines.AddRange(detail.Skip(1).Select(more => indent + more));
            if (DoctorFixText.For(f, language) is { } fix) lines.AddRange(Wrap(MessageCatalog.Format(language, "Doctor.Fix", fix), width, indent.Length).Select(more => indent + more));
        }
        int fails = report.Findings.Count(f => f.Status == FindingStatus.Fail), warns = report.Findings.Count(f => f.Status == FindingStatus.Warn);
        lines.Add(string.Empty);
        lines.Add(fails == 0
            ? MessageCatalog.Format(language, "Doctor.NoFailures", warns.ToString(CultureInfo.InvariantCulture))
            : MessageCatalog.Format(language, "Doctor.Summary", fails.ToString(CultureInfo.InvariantCulture), warns.ToString(CultureInfo.InvariantCulture)));
        return lines;
    }

    private static List<string> Wrap(string text, int? width, int indent) =>
        width is { } columns && columns - indent >= 20 ? HelpWrap.Break(text, columns - indent) : [text];
}
