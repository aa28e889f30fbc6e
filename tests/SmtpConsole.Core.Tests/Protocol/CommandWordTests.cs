using CsCheck;
using SmtpConsole.Core.Protocol;
using SmtpConsole.Core.Sasl;

namespace SmtpConsole.Core.Tests.Protocol;

/// <summary>
/// The per-command checks on the send path no longer split or copy the line: the verb of a common command is a
/// shared string and AUTH is recognised without splitting. Both answer as the word-splitting rules say.
/// </summary>
public class CommandWordTests
{
    private static readonly string[] Words = ["rcpt", "RCPT", "Rcpt", "mail", "ehlo", "HELO", "data", "quit", "starttls", "StartTLS", "auth", "AUTHPLAIN", "bdat", "vrfy", "xclient", "rcptx", "rcp", "ehlo.", "to:<a@b>", "from:<>", "x", "ß", "quıt"];
    private static readonly string[] Gaps = [" ", "\t", "  ", " \t", ":"];

    private static readonly Gen<string> Line =
        Gen.Select(Gen.Int[0, 2].Select(n => new string(' ', n)), Gen.Int[0, Words.Length - 1].Array[1, 4], Gen.Int[0, Gaps.Length - 1])
            .Select(t => t.Item1 + string.Join(Gaps[t.Item3], t.Item2.Select(i => Words[i])));

    /// <summary>The rule as written before: the first word (up to space, tab or colon), upper-cased.</summary>
    private static string ReferenceVerb(string line)
    {
        var span = line.AsSpan().TrimStart(" \t");
        int end = span.IndexOfAny(' ', '\t', ':');
        return (end < 0 ? span : span[..end]).ToString().ToUpperInvariant();
    }

    private static bool ReferenceIsAuth(string line)
    {
        var words = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        return words.Length > 0 && words[0].StartsWith("AUTH", StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Verb_AsTheWordRuleSays() =>
        Line.Sample(line => Assert.Equal(ReferenceVerb(line), SmtpCommandText.Verb(line)));

    [Fact]
    public void Verb_OfACommonCommandIsOneSharedString() =>
        Assert.Same(SmtpCommandText.Verb("rcpt TO:<a@example.test>"), SmtpCommandText.Verb("RCPT TO:<b@example.test>"));

    [Theory]
    [InlineData("rcpt to:<a@b>", "RCPT")]
    [InlineData("  StartTls", "STARTTLS")]
    [InlineData("\tmail\tfrom:<>", "MAIL")]
    [InlineData("XEXCH50 1", "XEXCH50")]
    [InlineData("rcptx", "RCPTX")]
    public void Verb_Examples(string line, string verb) => Assert.Equal(verb, SmtpCommandText.Verb(line));

    [Fact]
    public void IsAuth_AsTheWordRuleSays() =>
        Line.Sample(line => Assert.Equal(ReferenceIsAuth(line), AuthCommandLine.IsAuth(line)));

    [Theory]
    [InlineData("AUTH PLAIN", true)]
    [InlineData(" \tauth login", true)]
    [InlineData("AUTHPLAINAGFsaWNl", true)]
    [InlineData("AUT H", false)]
    [InlineData("MAIL FROM:<auth@x>", false)]
    [InlineData("", false)]
    [InlineData(" \t ", false)]
    public void IsAuth_Examples(string line, bool expected) => Assert.Equal(expected, AuthCommandLine.IsAuth(line));
}
