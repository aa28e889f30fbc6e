using SmtpConsole.Core.Session;

namespace SmtpConsole.IntegrationTests.Infrastructure;

/// <summary>Connection settings for the engine harness (tests/SmtpConsole.Testing) aimed at one of the local servers.</summary>
public static class LocalServersEngine
{
    /// <summary>Options for <paramref name="port"/>, trusting the test CA unless <paramref name="trustCa"/> is false.</summary>
    public static ConnectOptions EngineOptions(this LocalServers servers, int port, SecurityMode security, bool trustCa = true) => new()
    {
        Host = servers.Host,
        Port = port,
        Security = security,
        CaFile = trustCa ? servers.CaFile : null,
        EhloName = "client.example.test",
        ReplyTimeout = TimeSpan.FromSeconds(20),
    };
}
