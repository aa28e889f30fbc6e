using SmtpConsole.Core.Session;

namespace SmtpConsole.App;

/// <summary>
/// What the session did, gathered from the engine's state changes as they happen (the state itself is gone once the
/// connection closes): per connection, the server, whether TLS was up on it, who authenticated on it and how many
/// messages it accepted. TLS and a login belong to one connection: after <c>/connect</c> to another server they are
/// not carried over. Fed on engine threads; read once on exit.
/// </summary>
internal sealed class SessionTally
{
    private readonly Lock _lock = new();
    private readonly List<ConnectionTally> _connections = [];
    private int _connectionNumber;
    private int _acceptedBefore;

    /// <summary>The last connection (opened or tried), or null when there was none.</summary>
    public ConnectionTally? Current
    {
        get
        {
            lock (_lock) return _connections.Count > 0 ? _connections[^1] : null;
        }
    }

    /// <summary>The connections before the last one, oldest first.</summary>
    public IReadOnlyList<ConnectionTally> Earlier
    {
        get
        {
            lock (_lock) return _connections.Count > 1 ? [.. _connections.Take(_connections.Count - 1)] : [];
        }
    }

    public void Observe(SmtpSession session)
    {
        lock (_lock)
        {
            if (session.Options is not { } options) return;
            if (session.ConnectionNumber != _connectionNumber || _connections.Count == 0)
            {
                // A new connection: what the last one accepted stays with it.
                _connectionNumber = session.ConnectionNumber;
                _acceptedBefore = _connections.Count == 0 ? 0 : _acceptedBefore + _connections[^1].MessagesAccepted;
                _connections.Add(new ConnectionTally($"{options.Host}:{options.Port}", null, null, 0));
            }
            var current = _connections[^1];
            // The engine counts a 2xx to the end of DATA or to BDAT … LAST (never reset); this connection's share is the rest.
            current = current with { MessagesAccepted = Math.Max(0, session.MessagesAccepted - _acceptedBefore) };
            if (session.IsTls) current = current with { Tls = session.TlsSummary ?? "TLS" };
            if (session.AuthenticatedUser is { } user) current = current with { User = user };
            _connections[^1] = current;
        }
    }
}

/// <summary>One connection of a sitting: its server, TLS (when it was up), the user who logged in, messages accepted.</summary>
internal sealed record ConnectionTally(string Target, string? Tls, string? User, int MessagesAccepted);
