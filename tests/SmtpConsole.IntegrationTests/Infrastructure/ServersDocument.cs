namespace SmtpConsole.IntegrationTests.Infrastructure;

/// <summary>The shape of tests/servers/.run/servers.json as written by start.sh.</summary>
internal sealed record ServersDocument
{
    public string? Host { get; init; }

    public string? Domain { get; init; }

    public ServerPorts? Ports { get; init; }

    public string? CaFile { get; init; }

    public string? ServerCertFile { get; init; }

    public string? ExpiredCertFile { get; init; }

    public string? WrongHostCertFile { get; init; }

    public string? SelfSignedCertFile { get; init; }

    public string? MailDir { get; init; }

    public string? AiosmtpdDir { get; init; }

    public string? SmtpServerDir { get; init; }

    public string? PostfixLog { get; init; }

    public string? EximMailDir { get; init; }

    public string? EximLog { get; init; }

    public List<TestUser>? Users { get; init; }
}
