using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace SmtpConsole.Messages.Generator;

/// <summary>
/// Where a diagnostic points (a class, a member, a resx line), kept as plain values: a <see cref="Location"/> holds on to
/// a syntax tree, which would keep every compilation alive in the generator's cache.
/// </summary>
internal sealed record SourceSpot(string Path, TextSpan Span, LinePositionSpan Lines)
{
    public static SourceSpot Of(Location location) =>
        new(location.SourceTree?.FilePath ?? "", location.SourceSpan, location.GetLineSpan().Span);

    /// <summary>A line and column of a file that is not C# (the resx): the build prints it as <c>Strings.resx(line,col)</c>.</summary>
    public static SourceSpot InFile(string path, int line, int column)
    {
        var at = new LinePosition(Math.Max(line - 1, 0), Math.Max(column - 1, 0));
        return new(path, default, new LinePositionSpan(at, at));
    }

    public Location ToLocation() => Location.Create(Path, Span, Lines);
}
