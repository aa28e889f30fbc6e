namespace SmtpConsole.Core.Messages;

/// <summary>
/// The session's own lines in the transcript (connecting, connected, closed, timeouts, STARTTLS refused, bytes
/// injected before TLS), worded in <see cref="CoreMessages.Language"/>. Texts: <c>Session.*</c> keys of the catalogue.
/// </summary>
[MessageArea("Session.")]
public static partial class SessionMessages;
