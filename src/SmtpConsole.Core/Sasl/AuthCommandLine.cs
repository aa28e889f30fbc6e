using SmtpConsole.Core.Protocol;
using SmtpConsole.Core.Session;
using SmtpConsole.Core.Transcript;

namespace SmtpConsole.Core.Sasl;

/// <summary>
/// Reads a raw <c>AUTH</c> line typed or scripted by hand the way a server does (words split by SMTP whitespace: any
/// run of spaces or tabs) and decides what in it is secret. When in doubt it is secret: a mechanism word that is not
/// a known mechanism name (e.g. <c>PLAINAGFs…</c>, a pasted line whose tab was lost) may have the response glued on.
/// </summary>
public static class AuthCommandLine
{
    private static readonly char[] SmtpWhitespace = [' ', '\t'];

    /// <summary>Registered SASL mechanism names a user may type bare (IANA SASL registry, common ones).</summary>
    private static readonly HashSet<string> KnownMechanisms = new(StringComparer.OrdinalIgnoreCase)
    {
        "LOGIN", "PLAIN", "CRAM-MD5", "DIGEST-MD5", "NTLM", "XOAUTH2", "OAUTHBEARER", "GSSAPI", "GS2-KRB5", "EXTERNAL", "ANONYMOUS",
        "SCRAM-SHA-1", "SCRAM-SHA-1-PLUS", "SCRAM-SHA-256", "SCRAM-SHA-256-PLUS", "SCRAM-SHA-512", "SCRAM-SHA-512-PLUS", "XOAUTH",
    };

    /// <summary>The words of a command line, split by SMTP whitespace.</summary>
    public static string[] Words(string line) => line.Split(SmtpWhitespace, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// True for an AUTH command: its first word is <c>AUTH</c>, or starts with it (<c>AUTHPLAIN…</c>, separator lost) —
    /// no SMTP verb starts with AUTH, so such a line can only be a mangled AUTH and may hold a credential.
    /// </summary>
    public static bool IsAuth(string line) =>
        // The first word starts with AUTH exactly when the line does once leading SMTP whitespace is skipped; no split
        // (this runs for every command sent, 10,000 times for a pipelined group).
        line.AsSpan().TrimStart(SmtpWhitespace).StartsWith("AUTH", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when <paramref name="word"/> is a mechanism name the console knows or the server advertised.</summary>
    public static bool IsMechanismName(string word, IEnumerable<string>? advertised = null) =>
        KnownMechanisms.Contains(word) || (advertised?.Contains(word, StringComparer.OrdinalIgnoreCase) ?? false);

    /// <summary>True for <c>AUTH LOGIN</c> with no initial response: the first 334 then asks for the user name.</summary>
    public static bool StartsLoginWithoutInitialResponse(string line)
    {
        var words = Words(line);
        return words.Length == 2 && words[0].Equals("AUTH", StringComparison.OrdinalIgnoreCase) && words[1].Equals("LOGIN", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>True when the line carries anything beyond <c>AUTH</c> and a bare mechanism name that could be a credential.</summary>
    public static bool MayHoldSecret(string line, IEnumerable<string>? advertised = null)
    {
        if (!IsAuth(line)) return false;
        var words = Words(line);
        if (!words[0].Equals("AUTH", StringComparison.OrdinalIgnoreCase)) return true;
        if (words.Length == 1) return false;
        if (!IsMechanismName(words[1], advertised)) return true;
        return words.Length > 2;
    }

    /// <summary>How an AUTH line is shown and stored: only AUTH and a recognised mechanism (and LOGIN's user name) stay readable.</summary>
    public static SendAnnotation Annotate(string line, IEnumerable<string>? advertised = null)
    {
        if (!MayHoldSecret(line, advertised)) return SendAnnotation.None;
        var words = Words(line);
        if (!words[0].Equals("AUTH", StringComparison.OrdinalIgnoreCase) || !IsMechanismName(words[1], advertised))
            return new SendAnnotation(true, Messages.SaslMessages.AuthLineHidden, "AUTH " + TranscriptEvent.RedactedText);
        if (words.Length == 3 && words[1].Equals("LOGIN", StringComparison.OrdinalIgnoreCase))
        {
            var user = SaslPayload.Decode(words[2]);
            return new SendAnnotation(false, user.IsValid ? Messages.SaslMessages.InitialResponseUser(user.Display) : user.Display, $"{words[0]} {words[1]} {words[2]}");
        }
        return new SendAnnotation(true, Messages.SaslMessages.InitialResponseHidden, $"{words[0]} {words[1]} {TranscriptEvent.RedactedText}");
    }
}
