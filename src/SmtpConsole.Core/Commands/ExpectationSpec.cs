using SmtpConsole.Core.Messages;
using System.Text.RegularExpressions;
using SmtpConsole.Core.Protocol;

namespace SmtpConsole.Core.Commands;

/// <summary>
/// What a reply must look like: a code (<c>250</c>), a pattern (<c>2xx</c>, <c>25x</c>), alternatives
/// (<c>250|251</c>) and optionally a regular expression over the reply text (<c>/queued as/i</c>).
/// </summary>
public sealed class ExpectationSpec
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);
    private readonly string[] _patterns;

    private ExpectationSpec(string codeText, string[] patterns, Regex? regex, string? regexText)
    {
        CodeText = codeText;
        _patterns = patterns;
        Regex = regex;
        RegexText = regexText;
    }

    public string CodeText { get; }
    public Regex? Regex { get; }
    public string? RegexText { get; }

    public static ExpectationSpec Parse(string text)
    {
        text = text.Trim();
        if (text.Length == 0) throw new CommandSyntaxException(ScriptMessages.ExpectNeedsCode);
        int space = text.IndexOf(' ');
        string codeText = space < 0 ? text : text[..space];
        string rest = space < 0 ? string.Empty : text[(space + 1)..].Trim();
        string[] patterns = codeText.Split('|', ',');
        foreach (var p in patterns)
        {
            if (p.Length != 3 || p[0] is < '2' or > '5' || !p.Skip(1).All(c => char.IsAsciiDigit(c) || c is 'x' or 'X'))
                throw new CommandSyntaxException(ScriptMessages.ExpectNotACode(p));
        }
        Regex? regex = null;
        string? regexText = null;
        if (rest.Length > 0)
        {
            int last = rest.LastIndexOf('/');
            if (!rest.StartsWith('/') || last <= 0)
                throw new CommandSyntaxException(ScriptMessages.ExpectPatternSyntax);
            regexText = rest[1..last];
            string flags = rest[(last + 1)..];
            var options = RegexOptions.CultureInvariant;
            foreach (char f in flags)
            {
                if (f == 'i') options |= RegexOptions.IgnoreCase;
                else throw new CommandSyntaxException(ScriptMessages.ExpectUnknownFlag(f.ToString()));
            }
            try
            {
                regex = new Regex(regexText, options, RegexTimeout);
            }
            catch (ArgumentException ex)
            {
                throw new CommandSyntaxException(ScriptMessages.ExpectBadRegex(regexText, ex.Message));
            }
        }
        return new ExpectationSpec(codeText, patterns, regex, regexText);
    }

    /// <summary>Whether a reply meets the expectation, and if not, why in words.</summary>
    public (bool Passed, string Explanation) Evaluate(SmtpReply? reply)
    {
        if (reply is null) return (false, ScriptMessages.ExpectNoReply(Describe()));
        if (reply.IsMalformed) return (false, ScriptMessages.ExpectMalformed(Describe(), reply.Problem ?? string.Empty));
        string code = reply.Code.ToString(System.Globalization.CultureInfo.InvariantCulture);
        bool codeOk = _patterns.Any(p => Matches(p, code));
        if (!codeOk) return (false, ScriptMessages.ExpectGotCode(Describe(), code, reply.Text));
        if (Regex is not null)
        {
            string text = string.Join('\n', reply.Lines);
            bool textOk;
            try
            {
                textOk = Regex.IsMatch(text);
            }
            catch (RegexMatchTimeoutException)
            {
                return (false, ScriptMessages.ExpectPatternTooSlow(RegexText!));
            }
            if (!textOk) return (false, ScriptMessages.ExpectTextMismatch(RegexText!, reply.Text));
        }
        return (true, ScriptMessages.ExpectMatches(code, Describe()));
    }

    /// <summary>Whether a reply with this code could meet the expectation (the text pattern aside).</summary>
    public bool Allows(int code)
    {
        string text = code.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return text.Length == 3 && _patterns.Any(p => Matches(p, text));
    }

    public string Describe() => RegexText is null ? CodeText : $"{CodeText} /{RegexText}/";

    private static bool Matches(string pattern, string code)
    {
        for (int i = 0; i < 3; i++)
            if (pattern[i] is not ('x' or 'X') && pattern[i] != code[i]) return false;
        return true;
    }
}
