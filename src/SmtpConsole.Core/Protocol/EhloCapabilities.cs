using System.Globalization;

namespace SmtpConsole.Core.Protocol;

/// <summary>What a server advertised in its EHLO reply (RFC 5321 §4.1.1.1 and the extension RFCs).</summary>
public sealed class EhloCapabilities
{
    private readonly Dictionary<string, string> _keywords;

    private EhloCapabilities(string domain, Dictionary<string, string> keywords, IReadOnlyList<string> authMechanisms, long? size, IReadOnlyList<string> problems)
    {
        Domain = domain;
        _keywords = keywords;
        AuthMechanisms = authMechanisms;
        Size = size;
        Problems = problems;
    }

    /// <summary>Nothing advertised: before EHLO, or after STARTTLS until EHLO is sent again.</summary>
    public static EhloCapabilities None { get; } = new(string.Empty, new(StringComparer.OrdinalIgnoreCase), [], null, []);

    /// <summary>The domain (and greeting text) from the first line of the reply.</summary>
    public string Domain { get; }

    /// <summary>Every keyword in order of appearance, with its parameters (empty string when none).</summary>
    public IReadOnlyDictionary<string, string> Keywords => _keywords;

    /// <summary>SASL mechanisms from <c>AUTH</c> (and the legacy <c>AUTH=</c> form), upper-case, without duplicates.</summary>
    public IReadOnlyList<string> AuthMechanisms { get; }

    /// <summary>The SIZE limit in octets; 0 means "no fixed limit"; null when SIZE wasn't advertised or had no number.</summary>
    public long? Size { get; }

    /// <summary>Lines that could not be understood, kept so the user can see them.</summary>
    public IReadOnlyList<string> Problems { get; }

    public bool IsEmpty => _keywords.Count == 0 && Domain.Length == 0;
    public bool StartTls => Has("STARTTLS");
    public bool Pipelining => Has("PIPELINING");
    public bool EightBitMime => Has("8BITMIME");
    public bool SmtpUtf8 => Has("SMTPUTF8");
    public bool Chunking => Has("CHUNKING");
    public bool BinaryMime => Has("BINARYMIME");
    public bool Dsn => Has("DSN");
    public bool EnhancedStatusCodes => Has("ENHANCEDSTATUSCODES");
    public bool RequireTls => Has("REQUIRETLS");
    public bool Auth => AuthMechanisms.Count > 0;

    /// <summary>True when the keyword was advertised (case-insensitive).</summary>
    public bool Has(string keyword) => _keywords.ContainsKey(keyword);

    /// <summary>Known keywords this model has a property for; anything else is kept under <see cref="Keywords"/> as unknown.</summary>
    public static IReadOnlySet<string> KnownKeywords { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "STARTTLS", "PIPELINING", "8BITMIME", "SMTPUTF8", "CHUNKING", "BINARYMIME", "DSN", "ENHANCEDSTATUSCODES",
        "REQUIRETLS", "AUTH", "SIZE", "VRFY", "ETRN", "EXPN", "HELP", "DELIVERBY", "MT-PRIORITY", "FUTURERELEASE", "NO-SOLICITING",
        "LIMITS", "XCLIENT", "XFORWARD", "DEBUG",
    };

    /// <summary>The keywords not in <see cref="KnownKeywords"/>.</summary>
    public IEnumerable<string> UnknownKeywords => _keywords.Keys.Where(k => !KnownKeywords.Contains(k) && !k.StartsWith("AUTH=", StringComparison.OrdinalIgnoreCase));

    /// <summary>Parses the text lines of a 250 EHLO reply; the first line is the server's domain.</summary>
    public static EhloCapabilities Parse(IReadOnlyList<string> lines)
    {
        if (lines.Count == 0) return None;
        var keywords = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var mechanisms = new List<string>();
        var problems = new List<string>();
        long? size = null;

        for (int i = 1; i < lines.Count; i++)
        {
            string line = lines[i].Trim();
            if (line.Length == 0) continue;
            int space = line.IndexOfAny([' ', '=']);
            bool legacyAuth = line.StartsWith("AUTH=", StringComparison.OrdinalIgnoreCase);
            string keyword = space < 0 ? line : line[..space];
            string parameters = space < 0 ? string.Empty : line[(space + 1)..].Trim();
            if (!IsKeyword(keyword))
            {
                problems.Add(line);
                continue;
            }
            if (legacyAuth) keyword = "AUTH=";
            keywords.TryAdd(keyword.ToUpperInvariant(), parameters);

            if (keyword.Equals("AUTH", StringComparison.OrdinalIgnoreCase) || legacyAuth)
            {
                foreach (var mechanism in parameters.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries))
                {
                    string upper = mechanism.ToUpperInvariant();
                    if (!mechanisms.Contains(upper)) mechanisms.Add(upper);
                }
            }
            else if (keyword.Equals("SIZE", StringComparison.OrdinalIgnoreCase) && parameters.Length > 0)
            {
                if (long.TryParse(parameters, NumberStyles.None, CultureInfo.InvariantCulture, out long n)) size = n;
                else problems.Add(line);
            }
        }
        if (keywords.ContainsKey("AUTH=") && !keywords.ContainsKey("AUTH")) keywords["AUTH"] = string.Join(' ', mechanisms);
        return new EhloCapabilities(lines[0], keywords, mechanisms, size, problems);
    }

    /// <summary>RFC 5321 ehlo-keyword: ALPHA / DIGIT followed by ALPHA / DIGIT / "-".</summary>
    private static bool IsKeyword(string keyword)
    {
        if (keyword.Length == 0 || !char.IsAsciiLetterOrDigit(keyword[0])) return false;
        foreach (char c in keyword)
            if (!char.IsAsciiLetterOrDigit(c) && c != '-') return false;
        return true;
    }
}
