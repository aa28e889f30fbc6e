namespace SmtpConsole.IntegrationTests.Infrastructure;

/// <summary>
/// Every test class that talks to the real Postfix/Dovecot/aiosmtpd servers
/// joins this collection: one <see cref="LocalServers"/> instance is shared,
/// and the collection's tests run one after another.
/// </summary>
[CollectionDefinition(Name)]
public sealed class LocalServersCollection : ICollectionFixture<LocalServers>
{
    public const string Name = "LocalServers";
}
