using System.Security.Cryptography;
using System.Text;
using Connection = SmtpConsole.Testing.ScriptedSmtpServer.ServerConnection;

namespace SmtpConsole.Core.Tests.Secrets;

/// <summary>
/// A server that speaks the server side of every SASL mechanism the console drives and really checks the
/// credentials (235 only when the maths are right), recording every form of the secret it sees in a <see cref="SaslCapture"/>.
/// </summary>
public static class SaslServers
{
    public const string User = "alice";
    public const string Password = "Hostile-S3cret!pw";
    public const string Token = "ya29.a0Af-hostile-oauth-token";

    public static IReadOnlyList<string> Mechanisms { get; } =
        ["LOGIN", "PLAIN", "CRAM-MD5", "DIGEST-MD5", "SCRAM-SHA-1", "SCRAM-SHA-256", "SCRAM-SHA-512", "XOAUTH2", "OAUTHBEARER"];

    public static bool UsesToken(string mechanism) => mechanism is "XOAUTH2" or "OAUTHBEARER";

    public static string Encode(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    public static string Decode(string base64) => Encoding.UTF8.GetString(Convert.FromBase64String(base64));

    /// <summary>Sends a 334 with the Base64 of <paramref name="challenge"/> and reads the client's answer.</summary>
    public static async Task<string?> PromptAsync(Connection c, string challenge)
    {
        await c.SendAsync("334 " + Encode(challenge) + "\r\n");
        return await c.ReadLineAsync();
    }

    public static Func<Connection, Task> Serve(SaslCapture capture) => async c =>
    {
        await c.SendAsync("220 sasl.test ESMTP\r\n");
        while (await c.ReadLineAsync() is { } line)
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            switch (parts.Length > 0 ? parts[0].ToUpperInvariant() : string.Empty)
            {
                case "EHLO":
                    await c.SendAsync($"250-sasl.test\r\n250-AUTH {string.Join(' ', Mechanisms)}\r\n250 8BITMIME\r\n");
                    break;
                case "AUTH" when parts.Length >= 2:
                    string mechanism = parts[1].ToUpperInvariant();
                    string? failure;
                    try
                    {
                        failure = await AuthenticateAsync(c, mechanism, parts.Length > 2 ? parts[2] : null, capture);
                    }
                    catch (FormatException ex)
                    {
                        failure = "not Base64: " + ex.Message;
                    }
                    capture.Verdict(mechanism + (failure is null ? " ok" : " failed: " + failure));
                    await c.SendAsync(failure is null ? "235 2.7.0 Authentication successful\r\n" : "535 5.7.8 Authentication credentials invalid\r\n");
                    break;
                case "QUIT":
                    await c.SendAsync("221 2.0.0 Bye\r\n");
                    return;
                default:
                    await c.SendAsync("250 2.0.0 Ok\r\n");
                    break;
            }
        }
    };

    private static async Task<string?> AuthenticateAsync(Connection c, string mechanism, string? initial, SaslCapture capture)
    {
        switch (mechanism)
        {
            case "LOGIN":
            {
                string? user = initial ?? await PromptAsync(c, "Username:");
                string? pass = await PromptAsync(c, "Password:");
                capture.Secret(pass ?? string.Empty);
                return user is not null && Decode(user) == User && pass is not null && Decode(pass) == Password ? null : "wrong user or password";
            }
            case "PLAIN":
            {
                string? response = initial ?? await PromptAsync(c, string.Empty);
                capture.Secret(response ?? string.Empty);
                return response is not null && Decode(response) == $"\0{User}\0{Password}" ? null : "wrong PLAIN response";
            }
            case "CRAM-MD5":
            {
                const string challenge = "<1896.697170952@sasl.test>";
                string? response = await PromptAsync(c, challenge);
                capture.Secret(response ?? string.Empty);
                string digest = Convert.ToHexString(HMACMD5.HashData(Encoding.UTF8.GetBytes(Password), Encoding.UTF8.GetBytes(challenge))).ToLowerInvariant();
                capture.Secret(digest);
                return response is not null && Decode(response) == $"{User} {digest}" ? null : "wrong CRAM-MD5 digest";
            }
            case "DIGEST-MD5":
                return await DigestMd5Server.RunAsync(c, User, Password, capture);
            case "SCRAM-SHA-1":
                return await ScramServer.RunAsync(c, initial, HashAlgorithmName.SHA1, User, Password, capture);
            case "SCRAM-SHA-256":
                return await ScramServer.RunAsync(c, initial, HashAlgorithmName.SHA256, User, Password, capture);
            case "SCRAM-SHA-512":
                return await ScramServer.RunAsync(c, initial, HashAlgorithmName.SHA512, User, Password, capture);
            case "XOAUTH2":
            {
                string? response = initial ?? await PromptAsync(c, string.Empty);
                capture.Secret(response ?? string.Empty);
                return response is not null && Decode(response) == $"user={User}\u0001auth=Bearer {Token}\u0001\u0001" ? null : "wrong XOAUTH2 response";
            }
            case "OAUTHBEARER":
            {
                string? response = initial ?? await PromptAsync(c, string.Empty);
                capture.Secret(response ?? string.Empty);
                string text = response is null ? string.Empty : Decode(response);
                return text.StartsWith($"n,a={User},", StringComparison.Ordinal) && text.EndsWith($"\u0001auth=Bearer {Token}\u0001\u0001", StringComparison.Ordinal)
                    ? null : "wrong OAUTHBEARER response: " + text.Replace('\u0001', '|');
            }
            default:
                return "mechanism not offered";
        }
    }

    /// <summary>Greets, and after the first AUTH line goes silent: the client's reply timeout must fire on a secret step.</summary>
    public static async Task SilentAfterAuthCommand(Connection c)
    {
        await c.SendAsync("220 sasl.test ESMTP\r\n");
        while (await c.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("AUTH", StringComparison.OrdinalIgnoreCase))
            {
                await c.WaitForCloseAsync(TimeSpan.FromSeconds(30));
                return;
            }
            await c.SendAsync(line.StartsWith("EHLO", StringComparison.OrdinalIgnoreCase) ? "250-sasl.test\r\n250 AUTH PLAIN LOGIN\r\n" : "250 2.0.0 Ok\r\n");
        }
    }

    /// <summary>Greets, and closes the connection on the first AUTH line (after reading it, before any reply).</summary>
    public static async Task CloseOnAuthCommand(Connection c)
    {
        await c.SendAsync("220 sasl.test ESMTP\r\n");
        while (await c.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("AUTH", StringComparison.OrdinalIgnoreCase))
            {
                c.Close();
                return;
            }
            await c.SendAsync(line.StartsWith("EHLO", StringComparison.OrdinalIgnoreCase) ? "250-sasl.test\r\n250 AUTH PLAIN LOGIN\r\n" : "250 2.0.0 Ok\r\n");
        }
    }
}
