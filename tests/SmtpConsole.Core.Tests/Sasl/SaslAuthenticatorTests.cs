using System.Text;
using SmtpConsole.Core.Protocol;
using SmtpConsole.Core.Sasl;
using SmtpConsole.Core.Session;
using SmtpConsole.Core.Tests.Support;
using SmtpConsole.Core.Transcript;

namespace SmtpConsole.Core.Tests.Sasl;

public class SaslAuthenticatorTests
{
    private const string User = "alice";
    private const string Password = "S3cret-Pa55";

    private static string B64(string s) => Convert.ToBase64String(Encoding.UTF8.GetBytes(s));

    private static Task<(SessionHarness Harness, ScriptedSmtpServer Server)> StartAsync(Func<ScriptedSmtpServer.ServerConnection, Task> afterGreeting) =>
        SessionHarness.ConnectedAfterGreetingAsync(afterGreeting);

    [Fact]
    public async Task Login_AnswersEachPromptByWhatItAsks_NotByPosition()
    {
        var (h, server) = await StartAsync(async c =>
        {
            Assert.Equal("AUTH LOGIN", await c.ReadLineAsync());
            await c.SendAsync("334 " + B64("Password:") + "\r\n");   // a server asking in the unusual order
            Assert.Equal(B64(Password), await c.ReadLineAsync());
            await c.SendAsync("334 " + B64("Username:") + "\r\n");
            Assert.Equal(B64(User), await c.ReadLineAsync());
            await c.SendAsync("235 2.7.0 Authentication successful\r\n");
        });
        await using (server)
        await using (h)
        {
            var result = await SaslAuthenticator.AuthenticateAsync(h.Session, new AuthRequest("LOGIN", User, Password) { AllowPlaintext = true });
            Assert.Equal(235, result.Reply!.Code);
            Assert.Equal(User, h.Session.AuthenticatedUser);
            Assert.Empty(server.Failures);
            var sends = h.Sink.OfKind(TranscriptEventKind.Send).ToList();
            Assert.Equal(["AUTH LOGIN", TranscriptEvent.RedactedText, B64(User)], sends.Select(e => e.Text));
            Assert.True(sends[1].Secret);
            Assert.Contains("user \"alice\"", sends[2].Note);
            Assert.Contains(h.Sink.OfKind(TranscriptEventKind.Reply), e => e.Note == "decoded: \"Password:\"");
            AssertNoSecret(h.Sink, Password);
        }
    }

    [Fact]
    public async Task Plain_UsesInitialResponse_Masked()
    {
        string expected = B64("\0" + User + "\0" + Password);
        var (h, server) = await StartAsync(async c =>
        {
            Assert.Equal("AUTH PLAIN " + expected, await c.ReadLineAsync());
            await c.SendAsync("235 2.7.0 ok\r\n");
        });
        await using (server)
        await using (h)
        {
            var result = await SaslAuthenticator.AuthenticateAsync(h.Session, new AuthRequest("PLAIN", User, Password) { AllowPlaintext = true });
            Assert.Equal(235, result.Reply!.Code);
            var send = Assert.Single(h.Sink.OfKind(TranscriptEventKind.Send));
            Assert.Equal("AUTH PLAIN " + TranscriptEvent.RedactedText, send.Text);
            Assert.Contains("user=\"alice\"", send.Note);
            Assert.Empty(server.Failures);
            AssertNoSecret(h.Sink, Password, expected);
        }
    }

    [Fact]
    public async Task CramMd5_ComputesDigestWithMailKit_AndMasksIt()
    {
        const string challenge = "<1896.697170952@postoffice.example.net>";
        string? response = null;
        var (h, server) = await StartAsync(async c =>
        {
            Assert.Equal("AUTH CRAM-MD5", await c.ReadLineAsync());
            await c.SendAsync("334 " + B64(challenge) + "\r\n");
            response = await c.ReadLineAsync();
            await c.SendAsync("235 ok\r\n");
        });
        await using (server)
        await using (h)
        {
            await SaslAuthenticator.AuthenticateAsync(h.Session, new AuthRequest("CRAM-MD5", User, Password) { AllowPlaintext = true });
            using var hmac = new System.Security.Cryptography.HMACMD5(Encoding.UTF8.GetBytes(Password));
            string digest = Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes(challenge))).ToLowerInvariant();
            Assert.Equal(B64(User + " " + digest), response);
            AssertNoSecret(h.Sink, Password, response!, digest);
        }
    }

    [Fact]
    public async Task XOAuth2_ErrorChallenge_IsDecodedAndEndedWithEmptyResponse()
    {
        string error = B64("{\"status\":\"401\",\"schemes\":\"bearer\",\"scope\":\"https://mail.google.com/\"}");
        var (h, server) = await StartAsync(async c =>
        {
            Assert.StartsWith("AUTH XOAUTH2 ", await c.ReadLineAsync());
            await c.SendAsync("334 " + error + "\r\n");
            Assert.Equal(string.Empty, await c.ReadLineAsync());
            await c.SendAsync("535-5.7.8 Username and Password not accepted.\r\n535 5.7.8 https://support.google.com/mail/?p=BadCredentials\r\n");
        });
        await using (server)
        await using (h)
        {
            var result = await SaslAuthenticator.AuthenticateAsync(h.Session, new AuthRequest("XOAUTH2", User, "ya29.token-value") { AllowPlaintext = true });
            Assert.Equal(535, result.Reply!.Code);
            Assert.Equal(new EnhancedStatusCode(5, 7, 8), result.Reply.Enhanced);
            Assert.Contains(h.Sink.OfKind(TranscriptEventKind.Reply), e => e.Note?.Contains("\"status\":\"401\"") == true);
            AssertNoSecret(h.Sink, "ya29.token-value", B64($"user={User}\u0001auth=Bearer ya29.token-value\u0001\u0001"));
            Assert.Empty(server.Failures);
        }
    }

    [Fact]
    public async Task WithoutTls_CredentialsAreRefusedUnlessAllowed()
    {
        var (h, server) = await StartAsync(_ => Task.CompletedTask);
        await using (server)
        await using (h)
        {
            var result = await SaslAuthenticator.AuthenticateAsync(h.Session, new AuthRequest("PLAIN", User, Password));
            Assert.Equal(CommandFailure.Refused, result.Failure);
            // The remedy (STARTTLS) is a key each front end words itself (issue 17 item 2), no longer a sentence naming TUI actions.
            Assert.Contains("without TLS", result.Message, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(SmtpConsole.Core.Messages.Remedy.UseStartTls, result.Remedy);
            Assert.Empty(server.Received);
        }
    }

    [Theory]
    [InlineData("Username:", LoginPrompt.Kind.UserName)]
    [InlineData("User Name", LoginPrompt.Kind.UserName)]
    [InlineData("Password:", LoginPrompt.Kind.Password)]
    [InlineData("密码:", LoginPrompt.Kind.Password)]
    [InlineData("", LoginPrompt.Kind.Unknown)]
    [InlineData("Continue", LoginPrompt.Kind.Unknown)]
    public void LoginPrompt_Classify(string prompt, LoginPrompt.Kind expected) => Assert.Equal(expected, LoginPrompt.Classify(prompt));

    internal static void AssertNoSecret(RecordingSink sink, params string[] secrets)
    {
        string text = sink.Dump();
        string json = string.Join('\n', sink.Events.Select(e => TranscriptJsonFormat.ToJson(e)));
        foreach (var secret in secrets.Where(s => s.Length > 0))
        {
            Assert.DoesNotContain(secret, text);
            Assert.DoesNotContain(secret, json);
        }
    }
}
