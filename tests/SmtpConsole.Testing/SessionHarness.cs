using SmtpConsole.Core.Commands;
using SmtpConsole.Core.Session;

namespace SmtpConsole.Testing;

/// <summary>An <see cref="EngineHarness"/> for an in-process server on 127.0.0.1 (short timeouts, certificate not checked by default).</summary>
public sealed class SessionHarness(int port, TimeSpan? replyTimeout = null, bool insecure = true, bool allowPlaintextAuth = false, IConsoleInteraction? interaction = null)
    : EngineHarness(new ConnectOptions
    {
        Host = "127.0.0.1",
        Port = port,
        ReplyTimeout = replyTimeout ?? TimeSpan.FromSeconds(5),
        ConnectTimeout = TimeSpan.FromSeconds(5),
        Insecure = insecure,
        EhloName = "client.test",
    }, allowPlaintextAuth, interaction);
