using System.Globalization;
using SmtpConsole.Core.Session;

namespace SmtpConsole.App;

/// <summary>What the status line shows, taken from the session at one moment (so drawing never races the engine).</summary>
internal sealed record StatusSnapshot(string Target, string Security, bool Secure, bool Connected, string Auth, string Phase, string? Latency)
{
    public static StatusSnapshot Disconnected { get; } = new("not connected", "-", false, false, "-", "Disconnected", null);

    public static StatusSnapshot From(SmtpSession session)
    {
        var options = session.Options;
        bool connected = session.IsConnected;
        if (options is null) return Disconnected;
        string target = $"{options.Host}:{options.Port.ToString(CultureInfo.InvariantCulture)}";
        if (options.Label is { } label) target += $" [{label}]";
        if (!connected) target += " (closed)";
        string security = !connected ? "-" : session.IsTls ? session.TlsSummary ?? "TLS" : "plain";
        string auth = session.AuthenticatedUser is { } user ? "user " + user : connected ? "not authenticated" : "-";
        string? latency = session.LastLatency is { } l ? l.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture) + " ms" : null;
        return new StatusSnapshot(target, security, connected && session.IsTls, connected, auth, session.Phase.ToString(), latency);
    }
}
