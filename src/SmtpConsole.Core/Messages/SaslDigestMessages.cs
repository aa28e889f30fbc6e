namespace SmtpConsole.Core.Messages;

/// <summary>
/// What a DIGEST-MD5 or NTLM challenge says, and why DIGEST-MD5 gave up, worded in <see cref="CoreMessages.Language"/>;
/// directive names (realm, nonce, qop, rspauth) and NTLM field names stay as they are. Texts: <c>SaslDigest.*</c> keys.
/// </summary>
[MessageArea("SaslDigest.")]
public static partial class SaslDigestMessages;
