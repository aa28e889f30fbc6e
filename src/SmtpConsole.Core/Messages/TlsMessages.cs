namespace SmtpConsole.Core.Messages;

/// <summary>
/// The TLS lines of a session (handshake, result, certificate verdicts and the problems found in a certificate),
/// worded in <see cref="CoreMessages.Language"/>. Texts: <c>Tls.*</c> keys of the catalogue.
/// </summary>
[MessageArea("Tls.")]
public static partial class TlsMessages;
