namespace SmtpConsole.Core.Messages;

/// <summary>
/// What /compose (MessageComposer) says about the message it builds, worded in <see cref="CoreMessages.Language"/>.
/// Header names, MIME types and SMTP keywords stay as they are. Texts: <c>Compose.*</c> keys of the catalogue.
/// </summary>
[MessageArea("Compose.")]
public static partial class ComposeMessages;
