using System.Net;
using MailKit.Security;

namespace SmtpConsole.Core.Sasl;

/// <summary>Creates MailKit's SASL mechanisms, which do the maths (HMAC, SCRAM proofs, NTLM) for every mechanism but LOGIN.</summary>
public static class SaslMechanismFactory
{
    public static SaslMechanism Create(string mechanism, string user, string secret, string host) =>
        Create(mechanism, new NetworkCredential(user, secret), host, 25);

    /// <summary>As above; <paramref name="port"/> goes into OAUTHBEARER's message, <paramref name="host"/> also into DIGEST-MD5's digest-uri.</summary>
    public static SaslMechanism Create(string mechanism, string user, string secret, string host, int port) =>
        Create(mechanism, new NetworkCredential(user, secret), host, port);

    private static SaslMechanism Create(string mechanism, NetworkCredential credential, string host, int port)
    {
        return mechanism.ToUpperInvariant() switch
        {
            "PLAIN" => new SaslMechanismPlain(credential),
            "CRAM-MD5" => new SaslMechanismCramMd5(credential),
            "DIGEST-MD5" => new DigestMd5Mechanism(credential, host),
            "SCRAM-SHA-1" => new SaslMechanismScramSha1(credential),
            "SCRAM-SHA-256" => new SaslMechanismScramSha256(credential),
            "SCRAM-SHA-512" => new SaslMechanismScramSha512(credential),
            "NTLM" => new SaslMechanismNtlm(credential),
            "XOAUTH2" => new SaslMechanismOAuth2(credential),
            "OAUTHBEARER" => new OAuthBearerMechanism(credential, host, port),
            "LOGIN" => new SaslMechanismLogin(credential),
            _ => throw new NotSupportedException($"SASL mechanism {mechanism} is not supported; use one of {string.Join(", ", AuthRequest.SupportedMechanisms)}"),
        };
    }
}
