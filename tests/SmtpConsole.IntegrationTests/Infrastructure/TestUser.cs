namespace SmtpConsole.IntegrationTests.Infrastructure;

/// <summary>A SASL account on the test servers and its mailbox address.</summary>
public sealed record TestUser
{
    public required string Name { get; init; }

    public required string Password { get; init; }

    public required string Address { get; init; }
}
