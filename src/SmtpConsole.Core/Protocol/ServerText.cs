using System.Text;

namespace SmtpConsole.Core.Protocol;

/// <summary>
/// Turns bytes from a server into text that is safe to show and to save: a hostile server must not be able
/// to move the cursor, retitle the terminal, hide text with bidi overrides or smuggle NULs into a log.
/// </summary>
public static class ServerText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Appended to a line that was not UTF-8 but read as Chinese GB18030/GBK (QQ and older Chinese servers send such replies).</summary>
    public const string Gb18030Marker = " [GB18030]";

    /// <summary>
    /// Decodes reply bytes: UTF-8 when valid; otherwise <paramref name="fallback"/> when given; otherwise GB18030 when
    /// the bytes read as Chinese text in it (then marked with <see cref="Gb18030Marker"/>; the raw bytes stay in
    /// <see cref="SmtpReply.RawBytes"/>); otherwise every byte that is not valid UTF-8 is shown as <c>\xNN</c>.
    /// The result is neutralised.
    /// </summary>
    public static string Decode(ReadOnlySpan<byte> bytes, Encoding? fallback = null)
    {
        if (IsAscii(bytes)) return Neutralize(Encoding.ASCII.GetString(bytes));
        try
        {
            return Neutralize(StrictUtf8.GetString(bytes));
        }
        catch (DecoderFallbackException)
        {
            if (fallback is not null) return Neutralize(fallback.GetString(bytes));
            if (Gb18030Text.TryDecode(bytes, out string chinese)) return Neutralize(chinese) + Gb18030Marker;
            return Neutralize(EscapeInvalidUtf8(bytes));
        }
    }

    /// <summary>Escapes C0/C1 controls, DEL and bidi/invisible formatting characters as visible <c>\xNN</c>/<c>\uNNNN</c>.</summary>
    public static string Neutralize(string text)
    {
        int i = 0;
        while (i < text.Length && !NeedsEscape(text[i])) i++;
        if (i == text.Length) return text;

        var sb = new StringBuilder(text.Length + 16);
        sb.Append(text, 0, i);
        for (; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\t') sb.Append(' ');
            else if (c < 0x20 || c == 0x7F) sb.Append("\\x").Append(((int)c).ToString("x2"));
            else if (NeedsEscape(c)) sb.Append("\\u").Append(((int)c).ToString("x4"));
            else sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>Shows raw bytes the way a hex-aware person reads them: printable ASCII as is, the rest as <c>\xNN</c>, CR/LF as <c>\r\n</c>.</summary>
    public static string EscapeBytes(ReadOnlySpan<byte> bytes)
    {
        var sb = new StringBuilder(bytes.Length + 8);
        foreach (byte b in bytes)
        {
            switch (b)
            {
                case (byte)'\r': sb.Append("\\r"); break;
                case (byte)'\n': sb.Append("\\n"); break;
                case (byte)'\\': sb.Append("\\\\"); break;
                case >= 0x20 and < 0x7F: sb.Append((char)b); break;
                default: sb.Append("\\x").Append(b.ToString("x2")); break;
            }
        }
        return sb.ToString();
    }

    private static bool NeedsEscape(char c) =>
        c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F)
        || c is '\u061C' or '\u200E' or '\u200F' or '\u2028' or '\u2029' or '\uFEFF'
        || (c >= '\u202A' && c <= '\u202E')
        || (c >= '\u2066' && c <= '\u2069');

    private static bool IsAscii(ReadOnlySpan<byte> bytes) => System.Text.Ascii.IsValid(bytes);

    private static string EscapeInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        var sb = new StringBuilder(bytes.Length + 16);
        while (!bytes.IsEmpty)
        {
            var status = System.Text.Rune.DecodeFromUtf8(bytes, out var rune, out int consumed);
            if (status == System.Buffers.OperationStatus.Done) sb.Append(rune.ToString());
            else for (int k = 0; k < consumed; k++) sb.Append("\\x").Append(bytes[k].ToString("x2"));
            bytes = bytes[consumed..];
        }
        return sb.ToString();
    }
}
