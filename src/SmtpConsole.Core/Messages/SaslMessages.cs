namespace SmtpConsole.Core.Messages;

/// <summary>
/// What the console says around an AUTH exchange (refusals, warnings, the notes on the lines it sends), worded in
/// <see cref="CoreMessages.Language"/>. Mechanism names and Base64 stay as they are. Texts: <c>Sasl.*</c> keys.
/// </summary>
[MessageArea("Sasl.")]
public static partial class SaslMessages;
