using System.Globalization;
using System.Text;

namespace SmtpConsole.Core.Messages;

/// <summary>
/// One catalogue text parsed for formatting. Most texts are plain or hold a single <c>{0}</c>: those are joined with
/// <see cref="string.Concat(string, string, string)"/> (a pipelined group formats its "reply to …" note 10,000
/// times); anything else (several placeholders, alignment, format strings, escaped braces) goes through
/// <see cref="CompositeFormat"/>, with the same result.
/// </summary>
internal sealed class CatalogFormat
{
    private readonly CompositeFormat _composite;
    private readonly string? _prefix;
    private readonly string? _suffix;
    private readonly bool _plain;

    public CatalogFormat(string text)
    {
        _composite = CompositeFormat.Parse(text);
        int open = text.IndexOfAny(['{', '}']);
        if (open < 0)
        {
            _plain = true;
            _prefix = text;
            return;
        }
        if (text.AsSpan(open).StartsWith("{0}") && text.AsSpan(open + 3).IndexOfAny('{', '}') < 0)
        {
            _prefix = text[..open];
            _suffix = text[(open + 3)..];
        }
    }

    public string Format(object?[] args)
    {
        if (_plain) return _prefix!;
        if (_suffix is not null && args.Length >= 1) return string.Concat(_prefix, Text(args[0]), _suffix);
        return string.Format(CultureInfo.InvariantCulture, _composite, args);
    }

    /// <summary>An argument as <see cref="string.Format(IFormatProvider, string, object[])"/> writes it with the invariant culture.</summary>
    private static string Text(object? arg) => arg switch
    {
        null => string.Empty,
        string text => text,
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => arg.ToString() ?? string.Empty,
    };
}
