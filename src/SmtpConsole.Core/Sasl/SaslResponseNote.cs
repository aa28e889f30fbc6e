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
        if (base64.Length == 0) return (false, "empty response");
        string? text = SaslPayload.Decode(base64).Bytes is { } bytes ? Encoding.UTF8.GetString(bytes) : null;
        const string hidden = TranscriptEvent.RedactedText;
        return mechanism.ToUpperInvariant() switch
        {
            "PLAIN" => (true, PlainNote(text)),
            "CRAM-MD5" => (true, $"\"{user} {hidden}\": the user and an HMAC-MD5 digest of the challenge keyed with the password"),
            "XOAUTH2" => (true, $"user={user} auth=Bearer {hidden} (an OAuth 2.0 access token)"),
            "OAUTHBEARER" => (true, $"n,a={user}, auth=Bearer {hidden} (an OAuth 2.0 access token)"),
            "SCRAM-SHA-1" or "SCRAM-SHA-256" or "SCRAM-SHA-512" when step == 0 && text is not null =>
                (false, $"client-first-message \"{ServerText.Neutralize(text)}\" (user name and a random nonce)"),
            "SCRAM-SHA-1" or "SCRAM-SHA-256" or "SCRAM-SHA-512" =>
                (true, "client-final-message: channel binding, nonce and the proof derived from the password " + hidden),
            "NTLM" when step == 0 => (false, "NTLM negotiate message (no credentials)"),
            "NTLM" => (true, $"NTLM authenticate message for {user}: contains password hashes {hidden}"),
            "DIGEST-MD5" when text is not null && text.Contains("response=", StringComparison.Ordinal) => (true, DigestNote(text)),
            "DIGEST-MD5" when text is not null && text.Length == 0 => (false, "empty response: rspauth checked, the exchange can finish"),
            "DIGEST-MD5" => (true, $"digest response for {user}: contains a hash of the password {hidden}"),
            _ => (true, null),
        };
    }

    /// <summary>Every directive but response= is safe to show; response= is a hash keyed by the password.</summary>
    private static string DigestNote(string text)
    {
        var shown = DigestDirectives.Parse(text).Select(d => d.Key == "response" ? $"response={TranscriptEvent.RedactedText}" : $"{d.Key}={d.Value}");
        return "digest-response " + ServerText.Neutralize(string.Join(", ", shown)) + " (response is the MD5 digest over the password, nonces and digest-uri)";
    }

    private static string PlainNote(string? text)
    {
        // PLAIN is authzid NUL authcid NUL password: show who, never the password.
        if (text is null) return "authzid, user and password " + TranscriptEvent.RedactedText;
        var parts = text.Split('\0');
        if (parts.Length != 3) return "PLAIN response (not in authzid\\0user\\0password form) " + TranscriptEvent.RedactedText;
        string authzid = parts[0].Length == 0 ? "(none)" : ServerText.Neutralize(parts[0]);
        return $"authzid={authzid} user=\"{ServerText.Neutralize(parts[1])}\" password={TranscriptEvent.RedactedText}";
    }
}
