using SmtpConsole.Core.Protocol;

namespace SmtpConsole.Core.Analysis;

/// <summary>What the session knew when it sent a command: enough to tell why a server refused it.</summary>
/// <param name="Phase">The phase the command was sent in.</param>
/// <param name="Authenticated">AUTH succeeded on this connection.</param>
/// <param name="Tls">TLS is up (implicit or after STARTTLS).</param>
/// <param name="Capabilities">The last EHLO answer on this connection (empty when none since connect or STARTTLS).</param>
/// <param name="ClosingAnnounced">The server already sent 421 (it is closing the connection).</param>
public sealed record SessionState(SessionPhase Phase, bool Authenticated, bool Tls, EhloCapabilities Capabilities, bool ClosingAnnounced);
