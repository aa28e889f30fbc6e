using System.Text;
using SmtpConsole.Core.Protocol;
using SmtpConsole.Core.Transcript;

namespace SmtpConsole.Core.Sasl;

/// <summary>
/// Decides whether a client SASL response is secret and what may be shown about it. Anything that carries a
/// password, a token, or a value computed from them (CRAM-MD5 digest, SCRAM proof, NTLM hashes) is masked;
/// the parts that are not secret (user names, nonces) are decoded for the learner.
/// </summary>
public static class SaslResponseNote
{
    public static (bool Secret, string? Note) Describe(string mechanism, int step, string base64, string user)
    {
        if (base64.Length == 0) return (false, Messages.SaslResponseMessages.Empty);
        string? text = SaslPayload.Decode(base64).Bytes is { } bytes ? Encoding.UTF8.GetString(bytes) : null;
        const string hidden = TranscriptEvent.RedactedText;
        return mechanism.ToUpperInvariant() switch
        {
            "PLAIN" => (true, PlainNote(text)),
            "CRAM-MD5" => (true, Messages.SaslResponseMessages.CramMd5(user, hidden)),
            "XOAUTH2" => (true, Messages.SaslResponseMessages.XOAuth2(user, hidden)),
            "OAUTHBEARER" => (true, Messages.SaslResponseMessages.OAuthBearer(user, hidden)),
            "SCRAM-SHA-1" or "SCRAM-SHA-256" or "SCRAM-SHA-512" when step == 0 && text is not null =>
                (false, Messages.SaslResponseMessages.ScramClientFirst(ServerText.Neutralize(text))),
            "SCRAM-SHA-1" or "SCRAM-SHA-256" or "SCRAM-SHA-512" =>
                (true, Messages.SaslResponseMessages.ScramClientFinal(hidden)),
            "NTLM" when step == 0 => (false, Messages.SaslResponseMessages.NtlmNegotiate),
            "NTLM" => (true, Messages.SaslResponseMessages.NtlmAuthenticate(user, hidden)),
            "DIGEST-MD5" when text is not null && text.Contains("response=", StringComparison.Ordinal) => (true, DigestNote(text)),
            "DIGEST-MD5" when text is not null && text.Length == 0 => (false, Messages.SaslResponseMessages.DigestEmpty),
            "DIGEST-MD5" => (true, Messages.SaslResponseMessages.Digest(user, hidden)),
            _ => (true, null),
        };
    }

    /// <summary>Every directive but response= is safe to show; response= is a hash keyed by the password.</summary>
    private static string DigestNote(string text)
    {
        var shown = DigestDirectives.Parse(text).Select(d => d.Key == "response" ? $"response={TranscriptEvent.RedactedText}" : $"{d.Key}={d.Value}");
        return Messages.SaslResponseMessages.DigestDirectives(ServerText.Neutralize(string.Join(", ", shown)));
    }

    private static string PlainNote(string? text)
    {
        // PLAIN is authzid NUL authcid NUL password: show who, never the password.
        if (text is null) return Messages.SaslResponseMessages.PlainUnreadable(TranscriptEvent.RedactedText);
        var parts = text.Split('\0');
        if (parts.Length != 3) return Messages.SaslResponseMessages.PlainMalformed(TranscriptEvent.RedactedText);
        string authzid = parts[0].Length == 0 ? Messages.SaslResponseMessages.NoAuthzid : ServerText.Neutralize(parts[0]);
        return Messages.SaslResponseMessages.Plain(authzid, ServerText.Neutralize(parts[1]), TranscriptEvent.RedactedText);
    }
}
