namespace SmtpConsole.Core.Messages;

/// <summary>
/// The steps of a proxy handshake as the transcript shows them (SOCKS5 and HTTP CONNECT), worded in
/// <see cref="CoreMessages.Language"/>; protocol words (SOCKS5, CONNECT, HTTP/1.1) stay as they are. Texts: <c>Proxy.*</c> keys.
/// </summary>
[MessageArea("Proxy.")]
public static partial class ProxyMessages;
