namespace SmtpConsole.Core.Messages;

/// <summary>
/// What a DIGEST-MD5 or NTLM challenge says, and why DIGEST-MD5 gave up, worded in <see cref="CoreMessages.Language"/>;
/// directive names (realm, nonce, qop, rspauth) and NTLM field names stay as they are. Texts: <c>SaslDigest.*</c> keys.
/// </summary>
public static class SaslDigestMessages
{
    public static string RspAuth(string rspauth) => Say(nameof(RspAuth), rspauth);

    public static string Realms(string realms) => Say(nameof(Realms), realms);

    public static string NoRealm => Say(nameof(NoRealm));

    public static string ServerNonce(string nonce) => Say(nameof(ServerNonce), nonce);

    public static string Qop(string qop) => Say(nameof(Qop), qop);

    public static string Algorithm(string algorithm) => Say(nameof(Algorithm), algorithm);

    public static string Charset(string charset) => Say(nameof(Charset), charset);

    public static string Challenge(string parts) => Say(nameof(Challenge), parts);

    public static string NoRspAuth => Say(nameof(NoRspAuth));

    public static string RspAuthMismatch => Say(nameof(RspAuthMismatch));

    public static string NoNonce => Say(nameof(NoNonce));

    public static string NoAuthQop(string qops) => Say(nameof(NoAuthQop), qops);

    public static string NtlmTarget(string target) => Say(nameof(NtlmTarget), target);

    public static string NtlmServerChallenge(string hex) => Say(nameof(NtlmServerChallenge), hex);

    public static string NtlmChallenge(string parts) => Say(nameof(NtlmChallenge), parts);

    private static string Say(string name, params object?[] args) => MessageCatalog.Format(CoreMessages.Language, "SaslDigest." + name, args);
}
