using SmtpConsole.Core.Protocol;
using SmtpConsole.Core.Session;

namespace SmtpConsole.App;

/// <summary>
/// What the session did, gathered from the engine's state changes as they happen (the state itself is gone once the
/// connection closes): the last server, whether TLS was ever up, who authenticated, how many messages were accepted.
/// Fed on engine threads; read once on exit.
/// </summary>
internal sealed class SessionTally
{
    private readonly Lock _lock = new();
    private SessionPhase _phase = SessionPhase.Disconnected;

    public string? Target { get; private set; }
    public string? Tls { get; private set; }
    public string? User { get; private set; }
    public int MessagesAccepted { get; private set; }

    public void Observe(SmtpSession session)
    {
        lock (_lock)
        {
            if (session.Options is { } options) Target = $"{options.Host}:{options.Port}";
            if (session.IsTls) Tls = session.TlsSummary ?? "TLS";
            if (session.AuthenticatedUser is { } user) User = user;
            var phase = session.Phase;
            // The reply after a message body ends the Data phase; a 2xx there means the server took the message.
            if (_phase == SessionPhase.Data && phase != SessionPhase.Data && session.LastReply is { Code: >= 200 and < 300 }) MessagesAccepted++;
            _phase = phase;
        }
    }

    /// <summary>A BDAT … LAST chunk the server accepted ends a message too.</summary>
    public void MessageAccepted()
    {
        lock (_lock) MessagesAccepted++;
    }
}
