using System.Globalization;
using System.Text;

namespace SmtpConsole.Core.Profiles;

/// <summary>A problem found while loading profiles: a broken file, an unknown key, an invalid value.</summary>
/// <param name="Severity">Whether the file or profile was skipped (<see cref="ProfileDiagnosticSeverity.Error"/>) or only a warning.</param>
/// <param name="Message">What is wrong and how to fix it. Never contains a secret's value.</param>
/// <param name="File">The profile file, or <see langword="null"/> when the value came from the environment or the command line.</param>
/// <param name="Line">1-based line in <paramref name="File"/>, when known.</param>
/// <param name="Column">1-based column (in characters) in <paramref name="File"/>, when known.</param>
/// <param name="Profile">The profile concerned, or <see langword="null"/> for a whole-file problem.</param>
public sealed record ProfileDiagnostic(
    ProfileDiagnosticSeverity Severity,
    string Message,
    string? File = null,
    int? Line = null,
    int? Column = null,
    string? Profile = null)
{
    /// <summary>True for <see cref="ProfileDiagnosticSeverity.Error"/>.</summary>
    public bool IsError => Severity == ProfileDiagnosticSeverity.Error;

    /// <summary>Compiler-style text: <c>path(line,column): error: message</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        if (File is not null)
        {
            text.Append(File);
            if (Line is int line)
            {
                text.Append('(').Append(line.ToString(CultureInfo.InvariantCulture));
                if (Column is int column)
                    text.Append(',').Append(column.ToString(CultureInfo.InvariantCulture));
                text.Append(')');
            }

            text.Append(": ");
        }

        text.Append(IsError ? "error: " : "warning: ").Append(Message);
        return text.ToString();
    }
}
