using System.Text;
using SmtpConsole.Core.Sasl;
using SmtpConsole.Core.Session;
using SmtpConsole.Core.Tests.Support;
using SmtpConsole.Core.Transcript;

namespace SmtpConsole.Core.Tests.Sasl;

/// <summary>
/// A 235 the exchange had not earned (sent before the secret went out, or before the server proved it knows it) is
/// not a login: the helper fails, no user is recorded as authenticated, and the transcript says why.
/// </summary>
public class UnearnedAuthSuccessTests
{
    private const string User = "alice";
    private const string Password = "S3cret-Pa55";

    private static string B64(string s) => Convert.ToBase64String(Encoding.UTF8.GetBytes(s));

    private static string UnB64(string s) => Encoding.UTF8.GetString(Convert.FromBase64String(s));

    private static async Task AssertUnearnedAsync(AuthRequest request, Func<ScriptedSmtpServer.ServerConnection, Task> afterGreeting)
    {
        var (h, server) = await SessionHarness.ConnectedAfterGreetingAsync(afterGreeting);
        await using (server)
        await using (h)
        {
            var result = await SaslAuthenticator.AuthenticateAsync(h.Session, request with { AllowPlaintext = true });
            Assert.Empty(server.Failures);
            Assert.Equal(235, result.Reply!.Code);
            Assert.Equal(CommandFailure.Unverified, result.Failure);
            Assert.False(result.Succeeded);
            Assert.Null(h.Session.AuthenticatedUser);
            Assert.Contains(h.Sink.OfKind(TranscriptEventKind.Error), e => e.Text.Contains("235", StringComparison.Ordinal) && e.Text.Contains(request.Mechanism.ToUpperInvariant(), StringComparison.Ordinal));
        }
    }

    [Fact]
    public Task Login_235BeforeAnyPrompt_IsNotALogin() => AssertUnearnedAsync(new AuthRequest("LOGIN", User, Password), async c =>
    {
        Assert.Equal("AUTH LOGIN", await c.ReadLineAsync());
        await c.SendAsync("235 2.7.0 Authentication successful\r\n");
    });

    [Fact]
    public Task Login_235AfterTheUserName_BeforeThePassword_IsNotALogin() => AssertUnearnedAsync(new AuthRequest("LOGIN", User, Password), async c =>
    {
        Assert.Equal("AUTH LOGIN", await c.ReadLineAsync());
        await c.SendAsync("334 " + B64("Username:") + "\r\n");
        Assert.Equal(B64(User), await c.ReadLineAsync());
        await c.SendAsync("235 2.7.0 ok\r\n");
    });

    [Fact]
    public Task CramMd5_235WithoutAChallenge_IsNotALogin() => AssertUnearnedAsync(new AuthRequest("CRAM-MD5", User, Password), async c =>
    {
        Assert.Equal("AUTH CRAM-MD5", await c.ReadLineAsync());
        await c.SendAsync("235 2.7.0 ok\r\n");
    });

    [Fact]
    public Task Plain_WithoutInitialResponse_235BeforeTheResponse_IsNotALogin() =>
        AssertUnearnedAsync(new AuthRequest("PLAIN", User, Password) { InitialResponse = InitialResponseMode.Never }, async c =>
        {
            Assert.Equal("AUTH PLAIN", await c.ReadLineAsync());
            await c.SendAsync("235 2.7.0 ok\r\n");
        });

    [Fact]
    public Task ScramSha256_235WithoutTheServerSignature_IsNotALogin() => AssertUnearnedAsync(new AuthRequest("SCRAM-SHA-256", User, Password), async c =>
    {
        string first = (await c.ReadLineAsync())!;
        Assert.StartsWith("AUTH SCRAM-SHA-256 ", first, StringComparison.Ordinal);
        string clientFirst = UnB64(first["AUTH SCRAM-SHA-256 ".Length..]);
        string nonce = clientFirst[(clientFirst.IndexOf("r=", StringComparison.Ordinal) + 2)..];
        await c.SendAsync("334 " + B64($"r={nonce}srvnonce,s={B64("salt-salt-salt")},i=4096") + "\r\n");
        Assert.StartsWith("c=", UnB64((await c.ReadLineAsync())!), StringComparison.Ordinal);
        await c.SendAsync("235 2.7.0 ok\r\n"); // no "334 v=…": the server never proved it knows the password
    });
}
