using System.Globalization;
using System.Text;

namespace SmtpConsole.Core.Protocol;

/// <summary>
/// Turns bytes from a server into text that is safe to show and to save: a hostile server must not be able
/// to move the cursor, retitle the terminal, hide text with bidi overrides or smuggle NULs into a log.
/// </summary>
public static class ServerText
{
    private static readonly System.Buffers.SearchValues<char> PrintableAscii = System.Buffers.SearchValues.Create(Printable());
    private static readonly System.Buffers.SearchValues<char> PrintableAsciiTabLineFeed = System.Buffers.SearchValues.Create("\t\n" + Printable());
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Appended to a line that was not UTF-8 but read as Chinese GB18030/GBK (QQ and older Chinese servers send such replies).</summary>
    public const string Gb18030Marker = " [GB18030]";

    /// <summary>
    /// Decodes reply bytes: UTF-8 when valid; otherwise <paramref name="fallback"/> when given; otherwise GB18030 when
    /// the bytes read as Chinese text in it (then marked with <see cref="Gb18030Marker"/>; the raw bytes stay in
    /// <see cref="SmtpReply.RawBytes"/>); otherwise every byte that is not valid UTF-8 is shown as <c>\xNN</c>.
    /// The result is neutralised.
    /// </summary>
    public static string Decode(ReadOnlySpan<byte> bytes, Encoding? fallback = null) => Decode(bytes, fallback, keepTabs: false);

    /// <summary>As <see cref="Decode(ReadOnlySpan{byte}, Encoding?)"/>; <paramref name="keepTabs"/> keeps tabs (a message body line sent by the client must be saved byte for byte so its transcript replays it).</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, Encoding? fallback, bool keepTabs)
    {
        if (IsAscii(bytes)) return Neutralize(Encoding.ASCII.GetString(bytes), keepTabs);
        try
        {
            return Neutralize(StrictUtf8.GetString(bytes), keepTabs);
        }
        catch (DecoderFallbackException)
        {
            if (fallback is not null) return Neutralize(fallback.GetString(bytes), keepTabs);
            if (Gb18030Text.TryDecode(bytes, out string chinese)) return Neutralize(chinese, keepTabs) + Gb18030Marker;
            return Neutralize(EscapeInvalidUtf8(bytes), keepTabs);
        }
    }

    /// <summary>
    /// The one neutraliser for every text shown on a terminal or saved (server replies, script lines, explain input,
    /// certificate fields): C0/C1 controls and DEL become <c>\xNN</c>; every invisible format character (Unicode
    /// category Cf: bidi overrides and isolates, zero-width spaces and joiners, U+2060–U+2064, BOM, soft hyphen,
    /// interlinear annotations, tag characters U+E0000–U+E007F…), line/paragraph separators and lone surrogates become
    /// <c>\uNNNN</c> or <c>\u{NNNNN}</c>, so <c>PLAIN\u200b</c> never looks like <c>PLAIN</c>. A tab becomes a space.
    /// </summary>
    public static string Neutralize(string text) => Neutralize(text, keepTabs: false);

    private static string Neutralize(string text, bool keepTabs)
    {
        int i = text.AsSpan().IndexOfAnyExcept(PrintableAscii);
        if (i < 0) return text;
        while (i < text.Length && (!NeedsEscape(text, i) || keepTabs && text[i] == '\t')) i++;
        if (i == text.Length) return text;

        var sb = new StringBuilder(text.Length + 16);
        sb.Append(text, 0, i);
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '\t') sb.Append(keepTabs ? '\t' : ' ');
            else if (c < 0x20 || c == 0x7F) sb.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                int scalar = char.ConvertToUtf32(c, text[i + 1]);
                if (IsInvisible(new Rune(scalar))) sb.Append("\\u{").Append(scalar.ToString("x", CultureInfo.InvariantCulture)).Append('}');
                else sb.Append(c).Append(text[i + 1]);
                i += 2;
                continue;
            }
            else if (NeedsEscape(text, i)) sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            else sb.Append(c);
            i++;
        }
        return sb.ToString();
    }

    /// <summary>
    /// As <see cref="Neutralize(string)"/>, keeping '\n' as the line separator of multi-line text and tabs as they are (a tab
    /// moves no cursor but its own, and a message body line must replay byte for byte).
    /// </summary>
    public static string NeutralizeLines(string text)
    {
        // Printable ASCII, tabs and line feeds need nothing: one vectorised scan finds the first other character.
        int clean = text.AsSpan().IndexOfAnyExcept(PrintableAsciiTabLineFeed);
        if (clean < 0) return text;
        while (clean < text.Length && (text[clean] is '\n' or '\t' || !NeedsEscape(text, clean))) clean++;
        if (clean == text.Length) return text;
        if (!text.Contains('\n', StringComparison.Ordinal)) return Neutralize(text, keepTabs: true);
        var lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++) lines[i] = Neutralize(lines[i], keepTabs: true);
        return string.Join('\n', lines);
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

    private static string Printable() => string.Create(0x7F - 0x20, 0, static (chars, _) =>
    {
        for (int k = 0; k < chars.Length; k++) chars[k] = (char)(0x20 + k);
    });

    private static bool NeedsEscape(string text, int i)
    {
        char c = text[i];
        if (c < 0x7F) return c < 0x20;
        if (c <= 0x9F) return true;
        if (char.IsSurrogate(c))
        {
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                return IsInvisible(new Rune(c, text[i + 1]));
            // The low half of a valid pair was judged with its high half; a lone surrogate is always shown.
            return !(char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(text[i - 1]));
        }
        return IsInvisible(new Rune(c));
    }

    /// <summary>Format characters (Cf, which includes every bidi control), separators that break lines, and controls.</summary>
    private static bool IsInvisible(Rune rune) => Rune.GetUnicodeCategory(rune) is
        System.Globalization.UnicodeCategory.Format or System.Globalization.UnicodeCategory.Control
        or System.Globalization.UnicodeCategory.LineSeparator or System.Globalization.UnicodeCategory.ParagraphSeparator;

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
