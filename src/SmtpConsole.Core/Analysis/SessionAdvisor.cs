using System.Globalization;
using System.Text;
using SmtpConsole.Core.Messages;
using SmtpConsole.Core.Protocol;

namespace SmtpConsole.Core.Analysis;

/// <summary>
/// Live analysis while a person drives the dialogue: spots the mistakes that make servers refuse later
/// (credentials in clear, AUTH looked for before TLS, a sender the provider won't accept, a message too big or
/// 8-bit without the extension). Pure: it is told what happened and answers with advice; it sends nothing.
/// </summary>
public sealed class SessionAdvisor
{
    private long _bodyBytes;
    private bool _warnedEightBit;
    private bool _warnedSize;

    /// <summary>Provider rules from the profile in use, if any.</summary>
    public AdvisorRules Rules { get; set; } = AdvisorRules.None;

    /// <summary>Advice after a successful EHLO.</summary>
    public IEnumerable<Advice> AfterEhlo(EhloCapabilities caps, bool isTls)
    {
        if (!isTls && caps.Auth && caps.AuthMechanisms.Any(m => m is "PLAIN" or "LOGIN"))
            yield return Advice.Warn(CoreMessages.AdvicePlainAuthWithoutTls);
        if (!isTls && !caps.StartTls)
            yield return Advice.Warn(CoreMessages.AdviceNoStartTls);
        if (!isTls && !caps.Auth && caps.StartTls)
            yield return Advice.Info(CoreMessages.AdviceNoAuthYet);
        if (caps.Auth && Rules.PreferredMechanisms.Count > 0 && !Rules.PreferredMechanisms.Any(m => caps.AuthMechanisms.Contains(m, StringComparer.OrdinalIgnoreCase)))
            yield return Advice.Warn(CoreMessages.AdvicePreferredMechanisms(string.Join(' ', Rules.PreferredMechanisms), string.Join(' ', caps.AuthMechanisms)));
    }

    /// <summary>Advice before a raw command is sent (MAIL FROM parameters, sender rules).</summary>
    public IEnumerable<Advice> BeforeCommand(string line, EhloCapabilities caps, string? authenticatedUser, bool isTls = true)
    {
        string verb = SmtpCommandText.Verb(line);
        if (verb == "MAIL") _bodyBytes = 0;
        if (verb is not ("MAIL" or "RCPT")) yield break;

        int open = line.IndexOf('<'), close = line.IndexOf('>');
        string address = open >= 0 && close > open ? line[(open + 1)..close] : string.Empty;
        string parameters = close >= 0 ? line[(close + 1)..] : string.Empty;
        foreach (var problem in MailParameters.Check(verb, parameters, isTls)) yield return Advice.Warn(problem);
        if (!caps.IsEmpty)
        {
            if (!Ascii.IsValid(address) && !caps.SmtpUtf8)
                yield return Advice.Warn(Messages.AdviceMessages.NotAsciiWithoutSmtpUtf8(address));
            else if (!Ascii.IsValid(address) && !parameters.Contains("SMTPUTF8", StringComparison.OrdinalIgnoreCase) && verb == "MAIL")
                yield return Advice.Warn(CoreMessages.AdviceNeedsSmtpUtf8);
            foreach (var (keyword, extension) in new[] { ("SIZE=", "SIZE"), ("BODY=8BITMIME", "8BITMIME"), ("BODY=BINARYMIME", "BINARYMIME"), ("SMTPUTF8", "SMTPUTF8"), ("RET=", "DSN"), ("ENVID=", "DSN"), ("NOTIFY=", "DSN"), ("ORCPT=", "DSN"), ("REQUIRETLS", "REQUIRETLS") })
            {
                if (parameters.Contains(keyword, StringComparison.OrdinalIgnoreCase) && !caps.Has(extension))
                    yield return Advice.Warn(AdviceMessages.ParameterNotAdvertised(keyword.TrimEnd('='), extension));
            }
            if (verb == "MAIL" && caps.Size is > 0 and var limit && TryGetSize(parameters, out long declared) && declared > limit)
                yield return Advice.Warn(AdviceMessages.SizeOverLimit(declared.ToString(CultureInfo.InvariantCulture), limit.ToString(CultureInfo.InvariantCulture)));
        }
        if (verb == "MAIL" && Rules.FromMustEqualLogin && authenticatedUser is not null && address.Length > 0
            && !address.Equals(authenticatedUser, StringComparison.OrdinalIgnoreCase) && authenticatedUser.Contains('@'))
            yield return Advice.Warn(AdviceMessages.SenderMustBeLogin(Rules.ProviderName, authenticatedUser, address));
    }

    /// <summary>Advice while body lines are typed or streamed.</summary>
    public IEnumerable<Advice> OnBodyLine(string line, EhloCapabilities caps)
    {
        _bodyBytes += Encoding.UTF8.GetByteCount(line) + 2;
        if (!_warnedEightBit && !Ascii.IsValid(line) && !caps.IsEmpty && !caps.EightBitMime)
        {
            _warnedEightBit = true;
            yield return Advice.Warn(CoreMessages.AdviceNeeds8BitMime);
        }
        if (!_warnedSize && caps.Size is > 0 and var limit && _bodyBytes > limit)
        {
            _warnedSize = true;
            yield return Advice.Warn(Messages.AdviceMessages.MessageOverSize(limit));
        }
    }

    private static bool TryGetSize(string parameters, out long size)
    {
        size = 0;
        foreach (var p in parameters.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            if (p.StartsWith("SIZE=", StringComparison.OrdinalIgnoreCase))
                return long.TryParse(p.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out size);
        return false;
    }

}
