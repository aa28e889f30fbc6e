using System.Text;

namespace SmtpConsole.Core.Protocol;

/// <summary>
/// Recognises server text in GB18030 (a superset of GBK and GB2312) when it is not UTF-8. Any byte string with high
/// bytes decodes to <em>something</em> in GB18030, so Latin-1 or binary garbage must not be taken for Chinese: the
/// bytes must decode strictly, every non-ASCII character must be CJK (ideographs, CJK punctuation, full-width
/// forms), and there must be a run of at least two ideographs, which stray Latin-1 letters practically never form.
/// </summary>
internal static class Gb18030Text
{
    private static readonly Lazy<Encoding?> Strict = new(Create);

    public static bool TryDecode(ReadOnlySpan<byte> bytes, out string text)
    {
        text = string.Empty;
        if (Strict.Value is not { } encoding) return false;
        string decoded;
        try
        {
            decoded = encoding.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
        int run = 0, longestRun = 0;
        foreach (char c in decoded)
        {
            if (c < 0x80)
            {
                run = 0;
                continue;
            }
            if (!IsCjk(c)) return false;
            run = IsIdeograph(c) ? run + 1 : 0;
            longestRun = Math.Max(longestRun, run);
        }
        if (longestRun < 2) return false;
        text = decoded;
        return true;
    }

    private static bool IsIdeograph(char c) => c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF');

    private static bool IsCjk(char c) => IsIdeograph(c) || c is (>= '\u3000' and <= '\u303F') or (>= '\uFF00' and <= '\uFFEF') or '\u00B7' or '\u2014' or '\u2018' or '\u2019' or '\u201C' or '\u201D' or '\u2026';

    private static Encoding? Create()
    {
        try
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(54936, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            return null; // no code-page data in this runtime: the bytes are escaped as before
        }
    }
}
