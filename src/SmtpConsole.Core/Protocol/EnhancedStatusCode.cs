using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace SmtpConsole.Core.Protocol;

/// <summary>An RFC 3463 enhanced status code such as <c>5.7.8</c>: class.subject.detail.</summary>
public readonly record struct EnhancedStatusCode(int Class, int Subject, int Detail)
{
    /// <summary>Parses <c>C.SSS.DDD</c> where C is 2, 4 or 5, and subject/detail are 1-3 digits.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, [NotNullWhen(true)] out EnhancedStatusCode? code)
    {
        code = null;
        int firstDot = text.IndexOf('.');
        if (firstDot != 1) return false;
        int secondDot = text[2..].IndexOf('.');
        if (secondDot < 1) return false;
        var cls = text[..1];
        var subject = text.Slice(2, secondDot);
        var detail = text[(3 + secondDot)..];
        if (cls[0] is not ('2' or '4' or '5')) return false;
        if (!IsDigits(subject, 3) || !IsDigits(detail, 3)) return false;
        code = new EnhancedStatusCode(
            cls[0] - '0',
            int.Parse(subject, CultureInfo.InvariantCulture),
            int.Parse(detail, CultureInfo.InvariantCulture));
        return true;
    }

    /// <summary>Reads an enhanced code at the start of reply text (followed by a space or the end).</summary>
    public static bool TryParsePrefix(string text, [NotNullWhen(true)] out EnhancedStatusCode? code, out int length)
    {
        length = text.IndexOf(' ');
        if (length < 0) length = text.Length;
        if (TryParse(text.AsSpan(0, length), out code)) return true;
        length = 0;
        return false;
    }

    private static bool IsDigits(ReadOnlySpan<char> s, int max)
    {
        if (s.Length == 0 || s.Length > max) return false;
        foreach (char c in s)
            if (c is < '0' or > '9') return false;
        return true;
    }

    public override string ToString() => $"{Class}.{Subject}.{Detail}";
}
