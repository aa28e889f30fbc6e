namespace SmtpConsole.Core.Compose;

/// <summary>A draft that cannot become a message: a missing sender or recipient, a bad address, an unreadable file.</summary>
public sealed class MessageComposeException(string message, Exception? inner = null) : Exception(message, inner);
