namespace SmtpConsole.PracticeServer;

/// <summary>Syntax checks for the ESMTP parameters the practice server accepts after MAIL FROM and RCPT TO.</summary>
internal static class SmtpParameterSyntax
{
    /// <summary>
    /// xtext as Postfix checks it (RFC 3461 section 4, read leniently): every "+" starts a two-digit hex escape (either
    /// case), and the decoded text is printable ASCII. A bare "=" passes, as it does in Postfix.
    /// </summary>
    public static bool IsXtext(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '+')
            {
                if (i + 2 >= value.Length || !char.IsAsciiHexDigit(value[i + 1]) || !char.IsAsciiHexDigit(value[i + 2]))
                {
                    return false;
                }

                // The decoded character must be printable; an escaped space (+20) is.
                if (Convert.ToByte(value.Substring(i + 1, 2), 16) is < 0x20 or > 0x7E)
                {
                    return false;
                }

                i += 2;
            }
            else if (c is <= ' ' or > '~')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>RET=FULL or RET=HDRS (RFC 3461 section 4.3).</summary>
    public static bool IsDsnReturn(string value) =>
        value.Equals("FULL", StringComparison.OrdinalIgnoreCase) || value.Equals("HDRS", StringComparison.OrdinalIgnoreCase);

    /// <summary>NOTIFY=NEVER, or a comma list of SUCCESS, FAILURE and DELAY (RFC 3461 section 4.1).</summary>
    public static bool IsDsnNotify(string value)
    {
        var keywords = value.ToUpperInvariant().Split(',');
        if (keywords.Length == 1 && keywords[0] == "NEVER")
        {
            return true;
        }

        return keywords.All(keyword => keyword is "SUCCESS" or "FAILURE" or "DELAY")
            && keywords.Distinct(StringComparer.Ordinal).Count() == keywords.Length;
    }

    /// <summary>ORCPT=addr-type;xtext (RFC 3461 section 4.2); the UTF-8 type uses its own encoding and is accepted as is.</summary>
    public static bool IsOriginalRecipient(string value)
    {
        var semicolon = value.IndexOf(';', StringComparison.Ordinal);
        if (semicolon <= 0)
        {
            return false;
        }

        var type = value[..semicolon];
        var address = value[(semicolon + 1)..];
        return type.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || IsXtext(address);
    }
}
