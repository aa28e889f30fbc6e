using System.Security.Cryptography;
using System.Text;

namespace SmtpConsole.PracticeServer;

/// <summary>
/// Server side of one SASL mechanism (RFC 4422) for one AUTH command. Responses arrive already base64-decoded.
/// </summary>
internal abstract class SaslServerMechanism(IReadOnlyList<PracticeAccount> accounts)
{
    /// <summary>The mechanisms offered in EHLO, in the order shown there.</summary>
    public static IReadOnlyList<string> SupportedNames { get; } = ["PLAIN", "LOGIN", "CRAM-MD5"];

    /// <summary>The mechanism name as advertised.</summary>
    public abstract string Name { get; }

    /// <summary>Creates the mechanism named by the client, or null when it is not offered.</summary>
    public static SaslServerMechanism? Create(string name, IReadOnlyList<PracticeAccount> accounts, string hostName) =>
        name.ToUpperInvariant() switch
        {
            "PLAIN" => new PlainSaslMechanism(accounts),
            "LOGIN" => new LoginSaslMechanism(accounts),
            "CRAM-MD5" => new CramMd5SaslMechanism(accounts, hostName),
            _ => null,
        };

    /// <summary>Begins the exchange; <paramref name="initialResponse"/> is null when the AUTH command carried none.</summary>
    public abstract SaslStep Start(byte[]? initialResponse);

    /// <summary>Handles the client's answer to the last challenge.</summary>
    public abstract SaslStep Continue(byte[] response);

    /// <summary>Finds the account by user name; names are case-insensitive as with most real SASL back ends.</summary>
    protected PracticeAccount? FindAccount(string userName) =>
        accounts.FirstOrDefault(account => string.Equals(account.UserName, userName, StringComparison.OrdinalIgnoreCase));

    /// <summary>Checks a password without revealing through timing how much of it matched (good habit, even here).</summary>
    protected SaslStep Verify(string userName, string password)
    {
        var account = FindAccount(userName);
        if (account is not null
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(account.Password), Encoding.UTF8.GetBytes(password)))
        {
            return SaslStep.Success(account.UserName);
        }

        return SaslStep.Failure(userName);
    }
}
