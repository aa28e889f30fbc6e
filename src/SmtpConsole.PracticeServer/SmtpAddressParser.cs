namespace SmtpConsole.PracticeServer;

/// <summary>
/// Checks the address word of MAIL FROM / RCPT TO / VRFY. Like Postfix in its default (non-strict) mode it accepts
/// the address with or without angle brackets and ignores a source route, but it rejects text that is not a
/// mailbox, so a learner's typo is caught at the command where it happens.
/// </summary>
internal static class SmtpAddressParser
{
    private const string AtomSpecials = "!#$%&'*+-/=?^_`{|}~";

    /// <summary>Parses <paramref name="word"/>; on success <paramref name="address"/> is the bare mailbox ("" for the null sender).</summary>
    /// <param name="word">The token as sent, for example <c>&lt;demo@practice.smtpconsole.test&gt;</c>.</param>
    /// <param name="allowEmpty">True for MAIL FROM, where <c>&lt;&gt;</c> (bounces) is legal.</param>
    /// <param name="address">The mailbox without brackets or source route.</param>
    /// <param name="domain">The domain part, or null for an unqualified address such as <c>postmaster</c>.</param>
    public static bool TryParse(string word, bool allowEmpty, out string address, out string? domain)
    {
        address = "";
        domain = null;
        var text = word;
        if (text.StartsWith('<'))
        {
            if (text.Length < 2 || !text.EndsWith('>'))
            {
                return false;
            }

            text = text[1..^1];
        }

        // RFC 5321 section 4.1.1.3 says servers must accept and ignore a source route such as "@relay1,@relay2:".
        if (text.StartsWith('@'))
        {
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                return false;
            }

            text = text[(colon + 1)..];
        }

        if (text.Length == 0)
        {
            return allowEmpty;
        }

        if (!TrySplit(text, out var localPart, out domain))
        {
            return false;
        }

        if (!IsValidLocalPart(localPart) || (domain is not null && !IsValidDomain(domain)))
        {
            return false;
        }

        address = text;
        return true;
    }

    private static bool TrySplit(string text, out string localPart, out string? domain)
    {
        domain = null;
        var at = -1;
        if (text.StartsWith('"'))
        {
            var closing = FindClosingQuote(text);
            if (closing < 0)
            {
                localPart = text;
                return false;
            }

            if (closing + 1 < text.Length)
            {
                if (text[closing + 1] != '@')
                {
                    localPart = text;
                    return false;
                }

                at = closing + 1;
            }
        }
        else
        {
            at = text.LastIndexOf('@');
        }

        localPart = at < 0 ? text : text[..at];
        if (at >= 0)
        {
            domain = text[(at + 1)..];
        }

        return true;
    }

    private static int FindClosingQuote(string text)
    {
        for (var i = 1; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == '"')
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsValidLocalPart(string localPart)
    {
        if (localPart.Length == 0)
        {
            return false;
        }

        if (localPart.StartsWith('"'))
        {
            // Quoted string: anything printable; the tokenizer already balanced the quotes and escapes.
            return localPart.Length >= 2 && localPart.EndsWith('"') && !localPart.Any(char.IsControl);
        }

        // Dot-atom: non-empty atoms separated by single dots. Non-ASCII is allowed for SMTPUTF8 (RFC 6531).
        return localPart.Split('.').All(atom => atom.Length > 0 && atom.All(IsAtomChar));
    }

    private static bool IsAtomChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || AtomSpecials.Contains(c) || (c > 127 && !char.IsControl(c) && !char.IsWhiteSpace(c));

    private static bool IsValidDomain(string domain)
    {
        if (domain.StartsWith('['))
        {
            // Address literal such as [127.0.0.1] or [IPv6:::1].
            return domain.Length > 2 && domain.EndsWith(']')
                && domain[1..^1].All(c => c is > ' ' and < (char)127 and not '[' and not ']' and not '\\');
        }

        if (domain.Length > 255)
        {
            return false;
        }

        return domain.Split('.').All(label =>
            label.Length is > 0 and <= 63
            && !label.StartsWith('-')
            && !label.EndsWith('-')
            && label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-' || (c > 127 && !char.IsControl(c) && !char.IsWhiteSpace(c))));
    }
}
