namespace SmtpConsole.Core.Messages;

/// <summary>
/// What a SCRAM, DIGEST-MD5 or OAuth challenge says, as the note under it (Sasl/SaslChallengeNote, OAuthErrorChallenge),
/// worded in <see cref="CoreMessages.Language"/>; attribute names (r=, s=, i=, v=, e=, qop=) stay as they are. Texts: <c>SaslNote.*</c> keys.
/// </summary>
[MessageArea("SaslNote.")]
public static partial class SaslNoteMessages;
