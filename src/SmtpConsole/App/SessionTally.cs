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
            // The engine counts a 2xx to the end of DATA or to BDAT … LAST; the phase alone misses BDAT (it never enters Data).
            MessagesAccepted = session.MessagesAccepted;
        }
    }
}
