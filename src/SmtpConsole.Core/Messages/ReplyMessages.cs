namespace SmtpConsole.Core.Messages;

/// <summary>
/// What the reply parser says about a reply that breaks the rules (bare LF, mixed codes, overlong or cut-off lines,
/// no three-digit code), worded in <see cref="CoreMessages.Language"/>. Texts: <c>Reply.*</c> keys of the catalogue.
/// </summary>
[MessageArea("Reply.")]
public static partial class ReplyMessages;
