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
    }, allowPlaintextAuth, interaction)
{
    /// <summary>
    /// A scripted server that greets with "220 ready", then runs <paramref name="afterGreeting"/> and waits (5 s at
    /// most) for the client to close; and a harness already connected to it.
    /// </summary>
    public static async Task<(SessionHarness Harness, ScriptedSmtpServer Server)> ConnectedAfterGreetingAsync(Func<ScriptedSmtpServer.ServerConnection, Task> afterGreeting)
    {
        var server = new ScriptedSmtpServer(async c =>
        {
            await c.SendAsync("220 ready\r\n");
            await afterGreeting(c);
            await c.WaitForCloseAsync(TimeSpan.FromSeconds(5));
        });
        var harness = new SessionHarness(server.Port);
        await harness.ConnectAsync();
        return (harness, server);
    }
}
