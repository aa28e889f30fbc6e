using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SmtpConsole.PracticeServer;

/// <summary>
/// Checks the address word of MAIL FROM / RCPT TO / VRFY the way Postfix does in its default (non-strict) mode,
/// because the practice server is only useful if a learner's typo gets the reply a real server gives: the local part
/// is taken almost as written (<c>a..b</c>, <c>.a</c>, <c>a.</c> and comments pass), while the domain must be a
/// valid host name or address literal. Angle brackets are optional and a source route is ignored.
/// </summary>
internal static class SmtpAddressParser
{
    /// <summary>Parses <paramref name="word"/>; on success <paramref name="address"/> is the bare mailbox ("" for the null sender).</summary>
    /// <param name="word">The token as sent, for example <c>&lt;demo@practice.smtpconsole.test&gt;</c>.</param>
    /// <param name="allowEmpty">True for MAIL FROM, where <c>&lt;&gt;</c> (bounces) is legal.</param>
    /// <param name="address">The mailbox without brackets or source route.</param>
    /// <param name="domain">The domain part, or null for an unqualified address such as <c>postmaster</c>.</param>
    public static bool TryParse(string word, bool allowEmpty, out string address, out string? domain) =>
        TryParse(word, allowEmpty, allowUtf8Domain: true, out address, out domain, out _);

    /// <summary>As above, also telling whether the local part routes onward (<c>a%b@</c>, <c>a!b@</c>, <c>a@b@</c>).</summary>
    /// <param name="word">The token as sent.</param>
    /// <param name="allowEmpty">True for MAIL FROM.</param>
    /// <param name="allowUtf8Domain">True when the transaction announced SMTPUTF8; Postfix refuses a non-ASCII domain otherwise.</param>
    /// <param name="address">The mailbox without brackets or source route.</param>
    /// <param name="domain">The domain part (without a final dot), or null for an unqualified address.</param>
    /// <param name="routed">
    /// True when the local part holds a routing operator: Postfix's <c>reject_unauth_destination</c> treats such an
    /// address as a relay attempt even when its domain is local.
    /// </param>
    public static bool TryParse(string word, bool allowEmpty, bool allowUtf8Domain, out string address, out string? domain, out bool routed)
    {
        address = "";
        domain = null;
        routed = false;
        var text = word;
        if (text.StartsWith('<') != text.EndsWith('>') || (text.StartsWith('<') && text.Length < 2))
        {
            return false;
        }

        // Postfix forgives doubled brackets (<<a@b>>).
        while (text.Length >= 2 && text.StartsWith('<') && text.EndsWith('>'))
        {
            text = text[1..^1];
        }

        if (!TryStripComments(text, out text))
        {
            return false;
        }

        // RFC 5321 section 4.1.1.3 says servers must accept and ignore a source route such as "@relay1,@relay2:".
        if (text.StartsWith('@') && text.IndexOf(':', StringComparison.Ordinal) is var colon and > 0)
        {
            text = text[(colon + 1)..];
        }

        if (text.Length == 0)
        {
            return allowEmpty;
        }

        var at = LastUnquotedAt(text);
        if (at == -2)
        {
            return false;
        }

        var localPart = at < 0 ? text : text[..at];
        if (!IsValidLocalPart(localPart, qualified: at >= 0))
        {
            return false;
        }

        if (at >= 0)
        {
            var domainText = text[(at + 1)..];
            if (domainText.EndsWith('.') && !domainText.EndsWith("..", StringComparison.Ordinal))
            {
                domainText = domainText[..^1];
            }

            if (!IsValidDomain(domainText, allowUtf8Domain))
            {
                return false;
            }

            domain = domainText;
        }

        routed = IsRouted(localPart);
        address = text;
        return true;
    }

    /// <summary>Removes RFC 822 comments outside quotes; false when a parenthesis or quote is left open.</summary>
    private static bool TryStripComments(string text, out string stripped)
    {
        stripped = text;
        if (!text.Contains('(', StringComparison.Ordinal))
        {
            return true;
        }

        var builder = new StringBuilder(text.Length);
        var depth = 0;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length)
            {
                if (depth == 0)
                {
                    builder.Append(c).Append(text[i + 1]);
                }

                i++;
            }
            else if (c == '"' && depth == 0)
            {
                quoted = !quoted;
                builder.Append(c);
            }
            else if (c == '(' && !quoted)
            {
                depth++;
            }
            else if (c == ')' && !quoted && depth > 0)
            {
                depth--;
            }
            else if (depth == 0)
            {
                builder.Append(c);
            }
        }

        stripped = builder.ToString();
        return depth == 0 && !quoted;
    }

    /// <summary>The index of the last '@' outside quotes and escapes, -1 when there is none, -2 when a quote is unbalanced.</summary>
    private static int LastUnquotedAt(string text)
    {
        var at = -1;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\')
            {
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == '@' && !quoted)
            {
                at = i;
            }
        }

        return quoted ? -2 : at;
    }

    /// <summary>
    /// Postfix accepts nearly any local part; what it refuses are characters that split the address into several
    /// (white space, comma, colon, brackets outside quotes) and control characters. A quoted part must close before the '@'.
    /// </summary>
    private static bool IsValidLocalPart(string localPart, bool qualified)
    {
        if (localPart.Length == 0)
        {
            // "<@domain>": Postfix takes it as an empty local part at that domain.
            return qualified;
        }

        var quoted = false;
        for (var i = 0; i < localPart.Length; i++)
        {
            var c = localPart[i];
            if (char.IsControl(c))
            {
                return false;
            }

            if (c == '\\')
            {
                i++;
            }
            else if (c == '"')
            {
                // A quoted string must be the whole word or end right before the '@' ("q"x@b is not an address).
                if (quoted && i + 1 < localPart.Length && localPart[i + 1] != '.')
                {
                    return false;
                }

                quoted = !quoted;
            }
            else if (!quoted && (char.IsWhiteSpace(c) || c is ',' or ':' or '<' or '>' or '[' or ']'))
            {
                return false;
            }
        }

        return !quoted;
    }

    private static bool IsRouted(string localPart)
    {
        var quoted = false;
        foreach (var c in localPart)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c is '@' or '%' or '!')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Postfix's <c>valid_hostname</c> / <c>valid_hostaddr</c>: letters, digits, '-' and '_', not all numeric.</summary>
    private static bool IsValidDomain(string domain, bool allowUtf8)
    {
        if (domain.StartsWith('['))
        {
            if (domain.Length <= 2 || !domain.EndsWith(']'))
            {
                return false;
            }

            var literal = domain[1..^1];
            if (literal.StartsWith("IPv6:", StringComparison.OrdinalIgnoreCase))
            {
                return IPAddress.TryParse(literal[5..], out var v6) && v6.AddressFamily == AddressFamily.InterNetworkV6;
            }

            return literal.Split('.') is { Length: 4 } octets
                && octets.All(octet => octet.Length is > 0 and <= 3 && octet.All(char.IsAsciiDigit) && int.Parse(octet, System.Globalization.CultureInfo.InvariantCulture) <= 255);
        }

        if (domain.Length is 0 or > 255)
        {
            return false;
        }

        var labels = domain.Split('.');
        if (labels.All(label => label.All(char.IsAsciiDigit)))
        {
            // An all-numeric name would be read as an IP address without brackets.
            return false;
        }

        return labels.All(label =>
            label.Length is > 0 and <= 63
            && !label.StartsWith('-')
            && !label.EndsWith('-')
            && label.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' || (allowUtf8 && c > 127 && !char.IsControl(c) && !char.IsWhiteSpace(c))));
    }
}
