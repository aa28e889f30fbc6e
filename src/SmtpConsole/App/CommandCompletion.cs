using SmtpConsole.Core.Commands;
using SmtpConsole.Core.Sasl;

namespace SmtpConsole.App;

/// <summary>
/// Tab completion: SMTP verbs and helpers for the first word; then, from what the server advertised, AUTH
/// mechanisms (for <c>AUTH </c> and <c>/auth </c>), MAIL FROM parameters (SIZE=, BODY=8BITMIME, SMTPUTF8, RET=, ENVID=,
/// REQUIRETLS) and RCPT TO parameters (NOTIFY=, ORCPT=). Before EHLO nothing is known, so every extension is offered.
/// Pure: a line in, whole candidate lines out.
/// </summary>
internal static class CommandCompletion
{
    private static readonly string[] Verbs =
        ["EHLO ", "HELO ", "MAIL FROM:<", "RCPT TO:<", "DATA", "RSET", "NOOP", "QUIT", "STARTTLS", "AUTH ", "VRFY ", "EXPN ", "HELP", "BDAT "];

    private static readonly string[] ExtraHelpers = ["/helo ", "/noop", "/rset", "/vrfy ", "/expn ", "/end"];

    private static readonly string[] HelpTopics = ["auth", "data", "expect", "tls", "scripts", "pipeline"];

    private static readonly string[] ConnectOptions = ["--tls", "--starttls", "--plain", "--insecure", "--cafile "];

    /// <summary>Whole-line candidates for <paramref name="line"/>; empty when nothing fits.</summary>
    public static IReadOnlyList<string> Candidates(string line, CompletionContext context)
    {
        int lastSpace = line.LastIndexOf(' ');
        if (lastSpace < 0) return FirstWord(line);

        string head = line[..(lastSpace + 1)];
        string partial = line[(lastSpace + 1)..];
        string[] words = head.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return FirstWord(line.TrimStart()).Select(c => head + c).ToList();
        string first = words[0];
        var caps = context.Capabilities;

        IEnumerable<string> options = first.ToUpperInvariant() switch
        {
            "AUTH" when words.Length == 1 => Mechanisms(caps),
            "/AUTH" when words.Length == 1 => Mechanisms(caps).Select(m => m.ToLowerInvariant()),
            "MAIL" when head.Contains(':') => MailParameters(caps),
            "RCPT" when head.Contains(':') => RcptParameters(caps),
            "/CONNECT" or "/OPEN" when words.Length == 1 => context.ProfileNames.Concat(["mx:"]),
            "/CONNECT" or "/OPEN" => ConnectOptions,
            "/HELP" when words.Length == 1 => HelpTopics,
            "/DATA" or "/BDAT" when words.Length == 1 => ["@"],
            _ => [],
        };
        return Matching(options, partial).Select(c => head + c).ToList();
    }

    /// <summary>The longest prefix all candidates share (what one Tab can safely insert).</summary>
    public static string CommonPrefix(IReadOnlyList<string> candidates)
    {
        if (candidates.Count == 0) return string.Empty;
        string prefix = candidates[0];
        foreach (var c in candidates.Skip(1))
        {
            int n = 0;
            while (n < prefix.Length && n < c.Length && char.ToUpperInvariant(prefix[n]) == char.ToUpperInvariant(c[n])) n++;
            prefix = prefix[..n];
        }
        return prefix;
    }

    private static List<string> FirstWord(string partial)
    {
        bool lower = partial.Length > 0 && partial.All(c => !char.IsLetter(c) || char.IsLower(c));
        IEnumerable<string> options = partial.StartsWith('/')
            ? CommandLineParser.Helpers.Select(h => h.Name + (TakesArguments(h.Name) ? " " : string.Empty)).Concat(ExtraHelpers).Distinct()
            : Verbs.Select(v => lower ? v.ToLowerInvariant() : v);
        return Matching(options, partial).ToList();
    }

    private static bool TakesArguments(string helper) => helper is not ("/starttls" or "/pipeline" or "/quit");

    private static IEnumerable<string> Matching(IEnumerable<string> options, string partial) =>
        options.Where(o => o.StartsWith(partial, StringComparison.OrdinalIgnoreCase) && !o.Equals(partial, StringComparison.Ordinal));

    private static IEnumerable<string> Mechanisms(Core.Protocol.EhloCapabilities caps) =>
        caps.AuthMechanisms.Count > 0 ? caps.AuthMechanisms : AuthRequest.SupportedMechanisms;

    private static IEnumerable<string> MailParameters(Core.Protocol.EhloCapabilities caps)
    {
        bool unknown = caps.IsEmpty;
        if (unknown || caps.Has("SIZE")) yield return "SIZE=";
        if (unknown || caps.EightBitMime) yield return "BODY=8BITMIME";
        if (unknown || caps.BinaryMime) yield return "BODY=BINARYMIME";
        if (unknown || caps.SmtpUtf8) yield return "SMTPUTF8";
        if (unknown || caps.Dsn)
        {
            yield return "RET=FULL";
            yield return "RET=HDRS";
            yield return "ENVID=";
        }
        if (unknown || caps.RequireTls) yield return "REQUIRETLS";
    }

    private static IEnumerable<string> RcptParameters(Core.Protocol.EhloCapabilities caps)
    {
        if (!caps.IsEmpty && !caps.Dsn) yield break;
        yield return "NOTIFY=SUCCESS,FAILURE";
        yield return "NOTIFY=SUCCESS,FAILURE,DELAY";
        yield return "NOTIFY=NEVER";
        yield return "ORCPT=rfc822;";
    }
}
