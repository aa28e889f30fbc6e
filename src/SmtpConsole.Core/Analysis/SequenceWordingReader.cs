using System.Text.RegularExpressions;

namespace SmtpConsole.Core.Analysis;

/// <summary>
/// The wording Postfix, Exim, Exchange, Gmail and the practice server use for sequence mistakes, as one table: one
/// pattern with a named group a mistake, read in one pass over the reply text.
/// </summary>
public static partial class SequenceWordingReader
{
    private static readonly (string Group, SequenceWording Wording)[] Groups =
    [
        ("ehlo", SequenceWording.EhloFirst),
        ("authed", SequenceWording.AlreadyAuthenticated),
        ("transaction", SequenceWording.TransactionInProgress),
        ("tls", SequenceWording.StartTlsFirst),
        ("nested", SequenceWording.NestedMail),
        ("mail", SequenceWording.NeedMail),
        ("rcpt", SequenceWording.NeedRcpt),
    ];

    /// <summary>Every mistake <paramref name="text"/> names; <see cref="SequenceWording.None"/> when it names none.</summary>
    /// <exception cref="RegexMatchTimeoutException">The text took over 100 ms to read (a reply built to be slow).</exception>
    public static SequenceWording Read(string text)
    {
        var found = SequenceWording.None;
        for (var match = Wording().Match(text); match.Success; match = match.NextMatch())
        {
            foreach (var (group, wording) in Groups)
            {
                if (match.Groups[group].Success) found |= wording;
            }
        }
        return found;
    }

    // ehlo: Postfix/practice "send HELO/EHLO first", Exchange "Send hello first", Gmail "EHLO/HELO first", Exim "EHLO or HELO first".
    [GeneratedRegex("""
        \b(?<ehlo>send\s+(HELO/EHLO|EHLO/HELO|hello|EHLO|HELO)\s+first|(EHLO|HELO)(/|\ or\ )(EHLO|HELO)\s+first|polite\ people\ say\ (HELO|EHLO)\ first)
        |\b(?<authed>already\ authenticated)\b
        |\b(?<transaction>mail\ transaction\ in\ progress|not\ permitted\ during\ a\ mail\ transaction)\b
        |\b(?<tls>must\ issue\ a\ STARTTLS\ command\ first|authentication\ not\ enabled|STARTTLS\ (is\ )?required\ before\ AUTH)\b
        |\b(?<nested>nested\ MAIL\ command|sender\ already\ (given|specified)|MAIL\ already\ (given|specified))\b
        |\b(?<mail>need\ MAIL(\ FROM)?\ command|MAIL(\ FROM)?\ first|sender\ not\ yet\ given|no\ sender\ yet|MAIL\ FROM\ (command\ )?(is\ )?required)\b
        |\b(?<rcpt>need\ RCPT(\ TO)?\ command|RCPT(\ TO)?\ first|no\ valid\ recipients|valid\ RCPT\ command\ must\ precede\ DATA|no\ recipients?\ (given|specified))\b
        """, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace | RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 100)]
    private static partial Regex Wording();
}
