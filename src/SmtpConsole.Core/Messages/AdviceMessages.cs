namespace SmtpConsole.Core.Messages;

/// <summary>
/// Advice on a MAIL/RCPT line as it is typed (Analysis/SessionAdvisor), worded in <see cref="CoreMessages.Language"/>.
/// Extension names and parameters stay as they are. Texts: <c>Advice.*</c> keys of the catalogue.
/// </summary>
[MessageArea("Advice.")]
public static partial class AdviceMessages;
