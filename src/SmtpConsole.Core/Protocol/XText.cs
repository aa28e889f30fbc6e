using System.Globalization;
using System.Text;

namespace SmtpConsole.Core.Protocol;

/// <summary>
/// xtext (RFC 3461 §4): how ENVID and ORCPT values travel in MAIL/RCPT parameters. Printable ASCII other than
/// '+' and '=' is itself; every other octet (space, '+', '=', controls, UTF-8 bytes) is "+XX" in upper-case hex.
/// </summary>
public static class XText
{
    /// <summary>Encodes text (as UTF-8 octets) to xtext.</summary>
    public static string Encode(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (byte b in Encoding.UTF8.GetBytes(text))
        {
            if (IsSafe(b)) builder.Append((char)b);
            else builder.Append('+').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return builder.ToString();
    }

    /// <summary>True when the text is already valid xtext (so sending it as-is means what it says).</summary>
    public static bool IsValid(string value) => TryDecode(value, out _, out _);

    /// <summary>True when <see cref="Encode"/> would change the text: it has characters xtext cannot carry raw.</summary>
    public static bool NeedsEncoding(string raw)
    {
        foreach (char c in raw)
            if (c > 0x7F || !IsSafe((byte)c)) return true;
        return false;
    }

    /// <summary>Decodes xtext; false with a reason when it is malformed (a bad "+XX", or a character xtext forbids).</summary>
    public static bool TryDecode(string value, out string decoded, out string? problem)
    {
        var bytes = new List<byte>(value.Length);
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (c == '+')
            {
                if (i + 2 >= value.Length)
                {
                    decoded = string.Empty;
                    problem = $"\"+\" at position {i + 1} is not followed by two hex digits";
                    return false;
                }
                string hex = value.Substring(i + 1, 2);
                if (!IsUpperHex(hex[0]) || !IsUpperHex(hex[1]))
                {
                    decoded = string.Empty;
                    problem = $"\"+{hex}\" at position {i + 1} is not \"+\" followed by two upper-case hex digits";
                    return false;
                }
                bytes.Add(byte.Parse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
                i += 2;
                continue;
            }
            if (c > 0x7F || !IsSafe((byte)c))
            {
                decoded = string.Empty;
                problem = c == ' ' ? "a space must be written +20" : $"'{(char.IsControl(c) ? "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) : c.ToString())}' must be written as +XX";
                return false;
            }
            bytes.Add((byte)c);
        }
        try
        {
            decoded = new UTF8Encoding(false, true).GetString(bytes.ToArray());
        }
        catch (DecoderFallbackException)
        {
            decoded = Encoding.Latin1.GetString(bytes.ToArray());
        }
        problem = null;
        return true;
    }

    /// <summary>"!" through "~" except "+" and "=" (RFC 3461 xchar).</summary>
    private static bool IsSafe(byte b) => b is >= 0x21 and <= 0x7E && b != (byte)'+' && b != (byte)'=';

    private static bool IsUpperHex(char c) => c is (>= '0' and <= '9') or (>= 'A' and <= 'F');
}
