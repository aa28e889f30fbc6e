using SmtpConsole.Core.Messages;
using System.Globalization;
using SmtpConsole.Core.Protocol;

namespace SmtpConsole.Core.Sasl;

/// <summary>
/// Explains a server's decoded 334 challenge in words for the mechanisms whose challenges carry structure:
/// SCRAM's server-first and server-final messages, DIGEST-MD5's directives, and OAuth error objects.
/// </summary>
public static class SaslChallengeNote
{
    /// <param name="mechanism">Upper-case mechanism name.</param>
    /// <param name="decoded">The challenge decoded as text (null when binary or invalid).</param>
    /// <param name="clientNonce">SCRAM: the nonce from our client-first message, to check the server kept it.</param>
    public static string? Describe(string mechanism, string? decoded, string? clientNonce = null)
    {
        if (decoded is null) return null;
        if (OAuthErrorChallenge.Explain(decoded) is { } oauth) return oauth;
        return mechanism switch
        {
            "SCRAM-SHA-1" or "SCRAM-SHA-256" or "SCRAM-SHA-512" => Scram(decoded, clientNonce),
            "DIGEST-MD5" => Digest(decoded),
            _ => null,
        };
    }

    /// <summary>The nonce (r=) of a SCRAM client-first message ("n,,n=user,r=NONCE").</summary>
    public static string? ScramClientNonce(string? clientFirst)
    {
        if (clientFirst is null) return null;
        foreach (var part in clientFirst.Split(','))
            if (part.StartsWith("r=", StringComparison.Ordinal)) return part[2..];
        return null;
    }

    private static string? Scram(string text, string? clientNonce)
    {
        var attributes = text.Split(',').Where(p => p.Length >= 2 && p[1] == '=').ToDictionary(p => p[..1], p => p[2..], StringComparer.Ordinal);
        if (attributes.TryGetValue("e", out var error))
            return SaslNoteMessages.ScramServerError(error, ScramError(error));
        if (attributes.TryGetValue("v", out var verifier))
            return SaslNoteMessages.ScramServerFinal(verifier);
        if (!attributes.TryGetValue("r", out var nonce)) return null;
        var parts = new List<string>();
        if (clientNonce is not null && nonce.StartsWith(clientNonce, StringComparison.Ordinal))
            parts.Add(SaslNoteMessages.ScramNonceOurs(nonce[clientNonce.Length..]));
        else if (clientNonce is not null)
            parts.Add(SaslNoteMessages.ScramNonceNotOurs(nonce));
        else
            parts.Add(SaslNoteMessages.ScramNonce(nonce));
        if (attributes.TryGetValue("s", out var salt))
        {
            var decodedSalt = SaslPayload.Decode(salt);
            parts.Add(decodedSalt.Bytes is { } bytes
                ? SaslNoteMessages.ScramSalt(salt, bytes.Length)
                : SaslNoteMessages.ScramSaltNotBase64(salt));
        }
        if (attributes.TryGetValue("i", out var iterations))
            parts.Add(SaslNoteMessages.ScramIterations(iterations));
        return SaslNoteMessages.ScramServerFirst(string.Join(SaslNoteMessages.PartSeparator, parts));
    }

    private static string ScramError(string error) => error switch
    {
        "invalid-proof" => SaslNoteMessages.ScramInvalidProof,
        "unknown-user" => SaslNoteMessages.ScramUnknownUser,
        "channel-bindings-dont-match" or "channel-binding-not-supported" => SaslNoteMessages.ScramChannelBinding,
        "other-error" => SaslNoteMessages.ScramOtherError,
        _ => SaslNoteMessages.Refused,
    };

    private static string? Digest(string text)
    {
        var directives = DigestDirectives.Parse(text);
        if (DigestDirectives.Get(directives, "rspauth") is { } rspauth)
            return SaslDigestMessages.RspAuth(rspauth);
        string? nonce = DigestDirectives.Get(directives, "nonce");
        if (nonce is null) return null;
        var parts = new List<string>();
        var realms = directives.Where(d => d.Key == "realm").Select(d => d.Value).ToList();
        parts.Add(realms.Count > 0 ? SaslDigestMessages.Realms(string.Join("\", \"", realms)) : SaslDigestMessages.NoRealm);
        parts.Add(SaslDigestMessages.ServerNonce(nonce));
        if (DigestDirectives.Get(directives, "qop") is { } qop) parts.Add(SaslDigestMessages.Qop(qop));
        if (DigestDirectives.Get(directives, "algorithm") is { } algorithm) parts.Add(SaslDigestMessages.Algorithm(algorithm));
        if (DigestDirectives.Get(directives, "charset") is { } charset) parts.Add(SaslDigestMessages.Charset(charset));
        return SaslDigestMessages.Challenge(string.Join(SaslNoteMessages.PartSeparator, parts));
    }
}
