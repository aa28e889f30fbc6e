namespace SmtpConsole.Core.Messages;

/// <summary>
/// Why a proxy (SOCKS5 or HTTP CONNECT) did not open the tunnel, worded in <see cref="CoreMessages.Language"/>; protocol
/// words, status codes and URLs stay as they are. Texts: <c>ProxyError.*</c> keys.
/// </summary>
[MessageArea("ProxyError.")]
public static partial class ProxyErrorMessages;
