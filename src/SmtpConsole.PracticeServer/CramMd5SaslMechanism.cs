using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SmtpConsole.PracticeServer;

/// <summary>
/// CRAM-MD5 (RFC 2195): the server sends a unique challenge such as &lt;12345.1700000000@host&gt;; the client answers
/// "user SP hex(HMAC-MD5(password, challenge))", so the password itself never crosses the wire.
/// </summary>
internal sealed class CramMd5SaslMechanism(IReadOnlyList<PracticeAccount> accounts, string hostName) : SaslServerMechanism(accounts)
{
    private byte[]? challenge;

    public override string Name => "CRAM-MD5";

    /// <summary>The challenge sent to the client, once the exchange has started.</summary>
    public string? ChallengeText => challenge is null ? null : Encoding.ASCII.GetString(challenge);

    public override SaslStep Start(byte[]? initialResponse)
    {
        // The server speaks first in CRAM-MD5. Like Postfix with Dovecot, an initial response sent anyway is ignored
        // and the challenge goes out, so the client learns what to sign instead of failing without a reason.
        var random = RandomNumberGenerator.GetInt32(int.MaxValue);
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        challenge = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"<{random}.{timestamp}@{hostName}>"));
        return SaslStep.Continue(challenge);
    }

    public override SaslStep Continue(byte[] response)
    {
        var text = Encoding.UTF8.GetString(response);
        var space = text.LastIndexOf(' ');
        if (challenge is null || space <= 0)
        {
            return SaslStep.Failure();
        }

        var userName = text[..space];
        var digest = text[(space + 1)..];
        var account = FindAccount(userName);
        if (account is null)
        {
            return SaslStep.Failure(userName);
        }

        var expected = Convert.ToHexStringLower(HMACMD5.HashData(Encoding.UTF8.GetBytes(account.Password), challenge));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(digest.ToLowerInvariant()))
            ? SaslStep.Success(account.UserName)
            : SaslStep.Failure(userName);
    }
}
