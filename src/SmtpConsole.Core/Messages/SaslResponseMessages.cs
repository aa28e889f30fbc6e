namespace SmtpConsole.Core.Messages;

/// <summary>
/// What the transcript notes beside a client SASL response (what it carries, with the secret parts masked), worded in
/// <see cref="CoreMessages.Language"/>; mechanism field names (authzid, client-first-message…) stay as the RFCs spell
/// them. Texts: <c>SaslResponse.*</c> keys of the catalogue.
/// </summary>
[MessageArea("SaslResponse.")]
public static partial class SaslResponseMessages;
