using System.Globalization;
using SmtpConsole.Core.Messages;
using SmtpConsole.Core.Session;

namespace SmtpConsole.App;

/// <summary>What the status line shows, taken from the session at one moment (so drawing never races the engine).</summary>
/// <remarks><see cref="ShortAuth"/> and <see cref="BareTarget"/> are what a narrow status line uses first, before it cuts anything.</remarks>
internal sealed record StatusSnapshot(string Target, string Security, bool Secure, bool Connected, string Auth, string Phase, string? Latency, bool Authenticated = false,
    string? ShortAuth = null, string? BareTarget = null)
{
    public static StatusSnapshot Disconnected { get; } = DisconnectedIn(UiLanguage.English);

    public static StatusSnapshot DisconnectedIn(UiLanguage language) =>
        new(language.Say("Status.NotConnected"), "-", false, false, "-", language.Say("Status.Disconnected"), null);

    /// <summary>The dialogue's phase in words: the enum's own name in English (as the status line always showed it).</summary>
    public static string PhaseName(Core.Protocol.SessionPhase phase, UiLanguage language) => language.Say("Status.Phase." + phase);

    public static StatusSnapshot From(SmtpSession session, UiLanguage language = UiLanguage.English)
    {
        var options = session.Options;
        bool connected = session.IsConnected;
        if (options is null) return DisconnectedIn(language);
        string bare = $"{options.Host}:{options.Port.ToString(CultureInfo.InvariantCulture)}";
        string target = bare;
        if (options.Label is { } label) target += $" [{(label == "practice server" ? language.Say("Status.PracticeLabel") : label)}]";
        if (!connected)
        {
            target += language.Say("Status.Closed");
            bare += language.Say("Status.Closed");
        }
        string security = !connected ? "-" : session.IsTls ? session.TlsSummary ?? "TLS" : language.Say("Status.Plain");
        string auth = session.AuthenticatedUser is { } user ? language.Say("Status.User", user) : connected ? language.Say("Status.NotAuthenticated") : "-";
        string? latency = session.LastLatency is { } l ? l.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture) + " ms" : null;
        string? shortAuth = session.AuthenticatedUser is null && connected ? language.Say("Status.NoAuth") : null;
        return new StatusSnapshot(target, security, connected && session.IsTls, connected, auth, PhaseName(session.Phase, language), latency, session.AuthenticatedUser is not null,
            shortAuth, bare);
    }
}
