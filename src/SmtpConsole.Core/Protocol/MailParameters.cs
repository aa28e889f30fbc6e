using System.Globalization;

namespace SmtpConsole.Core.Protocol;

/// <summary>
/// The MAIL FROM / RCPT TO parameters of the SMTP extensions: what to offer for completion given what the server
/// advertised, and the syntax checks that catch a refusal before it happens (SIZE, BODY, SMTPUTF8, REQUIRETLS,
/// and the DSN parameters RET, ENVID, NOTIFY, ORCPT with their xtext values).
/// </summary>
public static class MailParameters
{
    /// <summary>RFC 3461 §4.4: ENVID is at most 100 characters.</summary>
    public const int MaxEnvelopeIdLength = 100;

    /// <summary>
    /// Parameters worth offering after the address of a MAIL or RCPT line, given the EHLO reply. Before any EHLO
    /// every parameter of the verb is offered (exploring is the point); keywords already on the line are left out.
    /// </summary>
    public static IReadOnlyList<string> Completions(EhloCapabilities capabilities, string verb, string? line = null)
    {
        bool all = capabilities.IsEmpty;
        var offer = new List<string>();
        string upper = verb.Trim().ToUpperInvariant();
        if (upper.StartsWith("MAIL", StringComparison.Ordinal))
        {
            if (all || capabilities.Has("SIZE")) offer.Add("SIZE=");
            if (all || capabilities.EightBitMime) offer.Add("BODY=8BITMIME");
            if (all || capabilities.BinaryMime) offer.Add("BODY=BINARYMIME");
            if (all || capabilities.EightBitMime || capabilities.BinaryMime) offer.Add("BODY=7BIT");
            if (all || capabilities.SmtpUtf8) offer.Add("SMTPUTF8");
            if (all || capabilities.Dsn) offer.AddRange(["RET=FULL", "RET=HDRS", "ENVID="]);
            if (all || capabilities.RequireTls) offer.Add("REQUIRETLS");
        }
        else if (upper.StartsWith("RCPT", StringComparison.Ordinal))
        {
            if (all || capabilities.Dsn)
                offer.AddRange(["NOTIFY=SUCCESS,FAILURE", "NOTIFY=SUCCESS,FAILURE,DELAY", "NOTIFY=FAILURE", "NOTIFY=NEVER", "ORCPT=rfc822;"]);
        }
        if (line is null) return offer;
        var present = Parse(ParametersOf(line)).Select(p => p.Keyword).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return offer.Where(o => !present.Contains(KeywordOf(o))).ToList();
    }

    /// <summary>The text after the closing '&gt;' of the path (empty when there is none).</summary>
    public static string ParametersOf(string line)
    {
        int close = line.IndexOf('>');
        return close < 0 ? string.Empty : line[(close + 1)..];
    }

    /// <summary>Splits parameter text on spaces into keyword and optional value (keywords upper-cased).</summary>
    public static IReadOnlyList<MailParameter> Parse(string parameters)
    {
        var list = new List<MailParameter>();
        foreach (var token in parameters.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = token.IndexOf('=');
            list.Add(eq < 0 ? new MailParameter(token.ToUpperInvariant(), null) : new MailParameter(token[..eq].ToUpperInvariant(), token[(eq + 1)..]));
        }
        return list;
    }

    /// <summary>
    /// Checks the parameters of a MAIL or RCPT line: values each extension allows, parameters on the wrong verb,
    /// duplicates, and xtext (ENVID, ORCPT) that needs encoding, with the encoded form to use instead.
    /// </summary>
    public static IReadOnlyList<string> Check(string verb, string parameters, bool isTls = true)
    {
        var problems = new List<string>();
        bool mail = verb.Equals("MAIL", StringComparison.OrdinalIgnoreCase);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var p in Parse(parameters))
        {
            if (!seen.Add(p.Keyword)) problems.Add($"{p.Keyword} appears twice: servers refuse repeated parameters (555)");
            string? wrongVerb = p.Keyword switch
            {
                "SIZE" or "BODY" or "SMTPUTF8" or "RET" or "ENVID" or "REQUIRETLS" when !mail => "MAIL FROM",
                "NOTIFY" or "ORCPT" when mail => "RCPT TO",
                _ => null,
            };
            if (wrongVerb is not null)
            {
                problems.Add($"{p.Keyword} belongs on {wrongVerb}, not on {(mail ? "MAIL FROM" : "RCPT TO")}");
                continue;
            }
            switch (p.Keyword)
            {
                case "SIZE":
                    if (p.Value is null || !long.TryParse(p.Value, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                        problems.Add($"SIZE={p.Value} is not a number: SIZE= takes the message size in octets, e.g. SIZE=12345");
                    break;
                case "BODY":
                    if (p.Value is null || !(p.Value.ToUpperInvariant() is "7BIT" or "8BITMIME" or "BINARYMIME"))
                        problems.Add($"BODY={p.Value} is not a body type: use BODY=7BIT, BODY=8BITMIME or BODY=BINARYMIME");
                    else if (p.Value.Equals("BINARYMIME", StringComparison.OrdinalIgnoreCase))
                        problems.Add("BODY=BINARYMIME: the message must then go with BDAT (CHUNKING), never DATA (RFC 3030 §3)");
                    break;
                case "SMTPUTF8" or "REQUIRETLS":
                    if (p.Value is not null) problems.Add($"{p.Keyword} takes no value: write just {p.Keyword}");
                    if (p.Keyword == "REQUIRETLS" && !isTls) problems.Add("REQUIRETLS is only valid over TLS: the server will refuse it on a plain connection (RFC 8689 §4.1)");
                    break;
                case "RET":
                    if (p.Value is null || !(p.Value.ToUpperInvariant() is "FULL" or "HDRS"))
                        problems.Add($"RET={p.Value} is not valid: RET=FULL (return the whole message in a bounce) or RET=HDRS (headers only)");
                    break;
                case "ENVID":
                    CheckXText("ENVID", p.Value ?? string.Empty, problems);
                    if (p.Value is { Length: > MaxEnvelopeIdLength }) problems.Add($"ENVID is {p.Value.Length} characters; RFC 3461 allows at most {MaxEnvelopeIdLength}");
                    break;
                case "NOTIFY":
                    CheckNotify(p.Value, problems);
                    break;
                case "ORCPT":
                    CheckOrcpt(p.Value, problems);
                    break;
            }
        }
        return problems;
    }

    /// <summary>ORCPT for an address: <c>rfc822;</c> and the address in xtext.</summary>
    public static string OriginalRecipient(string address) => "rfc822;" + XText.Encode(address);

    private static void CheckNotify(string? value, List<string> problems)
    {
        string usage = "NOTIFY=NEVER, or any of SUCCESS, FAILURE, DELAY separated by commas (e.g. NOTIFY=SUCCESS,FAILURE)";
        if (string.IsNullOrEmpty(value))
        {
            problems.Add("NOTIFY needs a value: " + usage);
            return;
        }
        var items = value.Split(',');
        foreach (var item in items)
        {
            if (!(item.ToUpperInvariant() is "NEVER" or "SUCCESS" or "FAILURE" or "DELAY"))
            {
                problems.Add($"NOTIFY: \"{item}\" is not a notification type; use " + usage);
                return;
            }
        }
        if (items.Length > 1 && items.Any(i => i.Equals("NEVER", StringComparison.OrdinalIgnoreCase)))
            problems.Add("NOTIFY: NEVER cannot be combined with SUCCESS, FAILURE or DELAY (RFC 3461 §4.1)");
        if (items.Distinct(StringComparer.OrdinalIgnoreCase).Count() != items.Length)
            problems.Add($"NOTIFY={value} repeats a value");
    }

    private static void CheckOrcpt(string? value, List<string> problems)
    {
        int semicolon = value?.IndexOf(';') ?? -1;
        if (value is null || semicolon <= 0)
        {
            problems.Add($"ORCPT={value} needs an address type: ORCPT=rfc822;ADDRESS (the address in xtext)");
            return;
        }
        string type = value[..semicolon];
        if (type.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
        {
            // RFC 6533 utf-8-addr is not xtext: UTF-8 goes as typed and only a few characters take the \x{HEX} form.
            CheckUtf8Address(value[(semicolon + 1)..], problems);
            return;
        }
        if (!type.Equals("rfc822", StringComparison.OrdinalIgnoreCase))
            problems.Add($"ORCPT address type \"{type}\" is unusual; rfc822 is what servers expect");
        CheckXText($"ORCPT ({type};…)", value[(semicolon + 1)..], problems, type + ";");
    }

    /// <summary>
    /// RFC 6533 §3 utf-8-addr-xtext / utf-8-addr-unitext: any UTF-8 except controls, space, '+' and '=', which are
    /// written \x{HEX} (as is a '\' itself).
    /// </summary>
    private static void CheckUtf8Address(string address, List<string> problems)
    {
        for (int i = 0; i < address.Length; i++)
        {
            char c = address[i];
            if (c == '\\')
            {
                int close = address.IndexOf('}', i);
                if (close > i + 3 && address[i + 1] == 'x' && address[i + 2] == '{' && close - i - 3 <= 6
                    && address[(i + 3)..close].All(char.IsAsciiHexDigit))
                {
                    i = close;
                    continue;
                }
                problems.Add("ORCPT (utf-8;…): a '\\' must start a \\x{HEX} escape (RFC 6533 §3); write '\\' itself as \\x{5C}");
                return;
            }
            if (c <= ' ' || c == '\x7F' || c is '+' or '=')
            {
                problems.Add($"ORCPT (utf-8;…): '{(c <= ' ' || c == '\x7F' ? $"U+{(int)c:X4}" : c.ToString())}' must be written \\x{{{(int)c:X}}} (RFC 6533 §3); other UTF-8 goes as typed");
                return;
            }
        }
    }

    private static void CheckXText(string what, string value, List<string> problems, string prefix = "")
    {
        if (XText.TryDecode(value, out _, out string? problem)) return;
        // A raw value with '+', '=', spaces or non-ASCII: show exactly what to send instead.
        string keyword = what.StartsWith("ORCPT", StringComparison.Ordinal) ? "ORCPT" : what;
        problems.Add($"{what} must be xtext (RFC 3461 §4): {problem}. Encoded, that is {keyword}={prefix}{EncodeLoosely(value)}");
    }

    /// <summary>Keeps "+XX" sequences that are already xtext and encodes everything else, so encoding never doubles.</summary>
    private static string EncodeLoosely(string value)
    {
        var builder = new System.Text.StringBuilder();
        int i = 0;
        while (i < value.Length)
        {
            if (value[i] == '+' && i + 2 < value.Length && IsUpperHex(value[i + 1]) && IsUpperHex(value[i + 2]))
            {
                builder.Append(value, i, 3);
                i += 3;
                continue;
            }
            int length = char.IsSurrogatePair(value, i) ? 2 : 1;
            builder.Append(XText.Encode(value.Substring(i, length)));
            i += length;
        }
        return builder.ToString();
    }

    private static bool IsUpperHex(char c) => c is (>= '0' and <= '9') or (>= 'A' and <= 'F');

    private static string KeywordOf(string offer)
    {
        int eq = offer.IndexOf('=');
        return eq < 0 ? offer : offer[..eq];
    }
}
