namespace SmtpConsole.Core.Messages;

/// <summary>
/// What a SCRAM, DIGEST-MD5 or OAuth challenge says, as the note under it (Sasl/SaslChallengeNote, OAuthErrorChallenge),
/// worded in <see cref="CoreMessages.Language"/>; attribute names (r=, s=, i=, v=, e=, qop=) stay as they are. Texts: <c>SaslNote.*</c> keys.
/// </summary>
public static class SaslNoteMessages
{
    public static string PartSeparator => Say(nameof(PartSeparator));

    public static string ScramServerError(string error, string meaning) => Say(nameof(ScramServerError), error, meaning);

    public static string ScramServerFinal(string verifier) => Say(nameof(ScramServerFinal), verifier);

    public static string ScramNonceOurs(string serverPart) => Say(nameof(ScramNonceOurs), serverPart);

    public static string ScramNonceNotOurs(string nonce) => Say(nameof(ScramNonceNotOurs), nonce);

    public static string ScramNonce(string nonce) => Say(nameof(ScramNonce), nonce);

    public static string ScramSalt(string salt, int bytes) => Say(nameof(ScramSalt), salt, bytes);

    public static string ScramSaltNotBase64(string salt) => Say(nameof(ScramSaltNotBase64), salt);

    public static string ScramIterations(string iterations) => Say(nameof(ScramIterations), iterations);

    public static string ScramServerFirst(string parts) => Say(nameof(ScramServerFirst), parts);

    public static string ScramInvalidProof => Say(nameof(ScramInvalidProof));

    public static string ScramUnknownUser => Say(nameof(ScramUnknownUser));

    public static string ScramChannelBinding => Say(nameof(ScramChannelBinding));

    public static string ScramOtherError => Say(nameof(ScramOtherError));

    public static string Refused => Say(nameof(Refused));

    public static string OAuthStatus(string status, string meaning) => Say(nameof(OAuthStatus), status, meaning);

    public static string OAuthScope(string scope) => Say(nameof(OAuthScope), scope);

    public static string OAuthSchemes(string schemes) => Say(nameof(OAuthSchemes), schemes);

    public static string OAuthDiscovery(string url) => Say(nameof(OAuthDiscovery), url);

    public static string OAuthError(string parts) => Say(nameof(OAuthError), parts);

    public static string OAuthInvalidRequest => Say(nameof(OAuthInvalidRequest));

    public static string OAuthInvalidToken => Say(nameof(OAuthInvalidToken));

    public static string OAuthInsufficientScope => Say(nameof(OAuthInsufficientScope));

    private static string Say(string name, params object?[] args) => MessageCatalog.Format(CoreMessages.Language, "SaslNote." + name, args);
}
