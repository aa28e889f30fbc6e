using System.Net;
using System.Security.Cryptography;
using System.Text;
using SmtpConsole.Core.Sasl;
using SmtpConsole.Core.Tests.Support;
using SmtpConsole.Core.Transcript;

namespace SmtpConsole.Core.Tests.Sasl;

/// <summary>
/// The mechanisms Dovecot here cannot test (SCRAM-SHA-512, NTLM, OAUTHBEARER) and DIGEST-MD5's maths, against a
/// scripted server that checks what it can: the SCRAM proof, the OAUTHBEARER message, the NTLM message types.
/// </summary>
public class SaslMechanismStepsTests
{
    private const string User = "alice";
    private const string Password = "S3cret-Pa55";

    private static string B64(string s) => Convert.ToBase64String(Encoding.UTF8.GetBytes(s));

    private static string Unb64(string s) => Encoding.UTF8.GetString(Convert.FromBase64String(s));

    private static Task<(SessionHarness Harness, ScriptedSmtpServer Server)> StartAsync(Func<ScriptedSmtpServer.ServerConnection, Task> afterGreeting) =>
        SessionHarness.ConnectedAfterGreetingAsync(afterGreeting);

    [Fact]
    public void DigestMd5_MatchesTheRfc2831Example()
    {
        // RFC 2831 §4: chris / secret at elwood.innosoft.com (imap service), fixed cnonce.
        var mechanism = new DigestMd5Mechanism(new NetworkCredential("chris", "secret"), "elwood.innosoft.com", "imap") { ClientNonce = "OA6MHXh6VqTrRk" };
        string challenge = "realm=\"elwood.innosoft.com\",nonce=\"OA6MG9tEQGm2hh\",qop=\"auth\",algorithm=md5-sess,charset=utf-8";
        string response = Unb64(mechanism.Challenge(B64(challenge), default));
        Assert.Contains("response=d388dad90d4bbd760a152321f2143af7", response);
        Assert.Contains("digest-uri=\"imap/elwood.innosoft.com\"", response);
        Assert.Equal(string.Empty, mechanism.Challenge(B64("rspauth=ea40f60335c427b5527b84dbabcdfffd"), default));
        Assert.True(mechanism.IsAuthenticated);
    }

    [Fact]
    public void DigestMd5_WrongRspAuth_IsRefused()
    {
        var mechanism = new DigestMd5Mechanism(new NetworkCredential("chris", "secret"), "elwood.innosoft.com");
        mechanism.Challenge(B64("nonce=\"abc\",qop=\"auth\""), default);
        Assert.Throws<MailKit.Security.SaslException>(() => mechanism.Challenge(B64("rspauth=00000000000000000000000000000000"), default));
    }

    [Fact]
    public async Task DigestMd5_EachStepDecoded_ResponseHashMasked_DigestUriIsSmtpHost()
    {
        string? clientResponse = null;
        var (h, server) = await StartAsync(async c =>
        {
            Assert.Equal("AUTH DIGEST-MD5", await c.ReadLineAsync());
            await c.SendAsync("334 " + B64("realm=\"example.test\",nonce=\"n0nce\",qop=\"auth\",charset=utf-8,algorithm=md5-sess") + "\r\n");
            clientResponse = Unb64((await c.ReadLineAsync())!);
            var d = DigestDirectives.Parse(clientResponse);
            string ha1 = Hex(MD5.HashData([.. MD5.HashData(Encoding.UTF8.GetBytes($"{User}:example.test:{Password}")), .. Encoding.UTF8.GetBytes($":n0nce:{DigestDirectives.Get(d, "cnonce")}")]));
            string Kd(string a2) => Hex(MD5.HashData(Encoding.UTF8.GetBytes($"{ha1}:n0nce:00000001:{DigestDirectives.Get(d, "cnonce")}:auth:{Hex(MD5.HashData(Encoding.ASCII.GetBytes(a2)))}")));
            Assert.Equal(Kd("AUTHENTICATE:smtp/127.0.0.1"), DigestDirectives.Get(d, "response"));
            await c.SendAsync("334 " + B64("rspauth=" + Kd(":smtp/127.0.0.1")) + "\r\n");
            Assert.Equal(string.Empty, await c.ReadLineAsync());
            await c.SendAsync("235 2.7.0 ok\r\n");
        });
        await using (server)
        await using (h)
        {
            var result = await SaslAuthenticator.AuthenticateAsync(h.Session, new AuthRequest("DIGEST-MD5", User, Password) { AllowPlaintext = true });
            Assert.Equal(235, result.Reply!.Code);
            Assert.Empty(server.Failures);
            Assert.Contains(h.Sink.Events, e => e.Kind == TranscriptEventKind.Info && e.Text.Contains("DIGEST-MD5 challenge: realm \"example.test\"; server nonce \"n0nce\""));
            Assert.Contains(h.Sink.Events, e => e.Kind == TranscriptEventKind.Info && e.Text.StartsWith("rspauth=", StringComparison.Ordinal));
            var send = h.Sink.OfKind(TranscriptEventKind.Send).ElementAt(1);
            Assert.Contains("digest-uri=smtp/127.0.0.1", send.Note);
            Assert.Contains("response=" + TranscriptEvent.RedactedText, send.Note);
            SaslAuthenticatorTests.AssertNoSecret(h.Sink, Password, DigestDirectives.Get(DigestDirectives.Parse(clientResponse!), "response")!);
        }
    }

    [Fact]
    public async Task ScramSha512_ServerVerifiesTheProof_AndServerFirstIsExplained()
    {
        byte[] salt = RandomNumberGenerator.GetBytes(16);
        const int iterations = 4096;
        const string serverNonce = "srv-part-3rfcNHYJY1ZVvWVs7j";
        var (h, server) = await StartAsync(async c =>
        {
            string first = await c.ReadLineAsync() ?? "";
            Assert.StartsWith("AUTH SCRAM-SHA-512 ", first);
            string clientFirst = Unb64(first["AUTH SCRAM-SHA-512 ".Length..]);
            Assert.StartsWith("n,,n=alice,r=", clientFirst);
            string clientFirstBare = clientFirst[3..];
            string clientNonce = clientFirstBare[(clientFirstBare.IndexOf("r=", StringComparison.Ordinal) + 2)..];
            string serverFirst = $"r={clientNonce}{serverNonce},s={Convert.ToBase64String(salt)},i={iterations}";
            await c.SendAsync("334 " + B64(serverFirst) + "\r\n");
            string clientFinal = Unb64((await c.ReadLineAsync())!);
            int proofAt = clientFinal.IndexOf(",p=", StringComparison.Ordinal);
            string withoutProof = clientFinal[..proofAt];
            byte[] proof = Convert.FromBase64String(clientFinal[(proofAt + 3)..]);
            byte[] salted = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(Password), salt, iterations, HashAlgorithmName.SHA512, 64);
            byte[] clientKey = HMACSHA512.HashData(salted, "Client Key"u8);
            byte[] authMessage = Encoding.UTF8.GetBytes($"{clientFirstBare},{serverFirst},{withoutProof}");
            byte[] signature = HMACSHA512.HashData(SHA512.HashData(clientKey), authMessage);
            byte[] expected = clientKey.Zip(signature, (a, b) => (byte)(a ^ b)).ToArray();
            Assert.Equal(expected, proof);
            byte[] serverSignature = HMACSHA512.HashData(HMACSHA512.HashData(salted, "Server Key"u8), authMessage);
            await c.SendAsync("334 " + B64("v=" + Convert.ToBase64String(serverSignature)) + "\r\n");
            Assert.Equal(string.Empty, await c.ReadLineAsync());
            await c.SendAsync("235 2.7.0 ok\r\n");
        });
        await using (server)
        await using (h)
        {
            var result = await SaslAuthenticator.AuthenticateAsync(h.Session, new AuthRequest("SCRAM-SHA-512", User, Password) { AllowPlaintext = true });
            Assert.Equal(235, result.Reply!.Code);
            Assert.Empty(server.Failures);
            var note = Assert.Single(h.Sink.Events, e => e.Kind == TranscriptEventKind.Info && e.Text.StartsWith("server-first-message:", StringComparison.Ordinal));
            Assert.Contains($"followed by the server's part \"{serverNonce}\"", note.Text);
            Assert.Contains("(16 random bytes", note.Text);
            Assert.Contains("iteration count i=4096", note.Text);
            Assert.Contains(h.Sink.Events, e => e.Kind == TranscriptEventKind.Info && e.Text.StartsWith("server-final-message:", StringComparison.Ordinal));
            SaslAuthenticatorTests.AssertNoSecret(h.Sink, Password);
        }
    }

    [Fact]
    public async Task OAuthBearer_SendsRfc7628Message_ThenExplainsTheErrorAndEndsWithControlA()
    {
        string? message = null;
        int port = 0;
        var (h, server) = await StartAsync(async c =>
        {
            string first = await c.ReadLineAsync() ?? "";
            Assert.StartsWith("AUTH OAUTHBEARER ", first);
            message = Unb64(first["AUTH OAUTHBEARER ".Length..]);
            await c.SendAsync("334 " + B64("{\"status\":\"invalid_token\",\"scope\":\"https://mail.example/send\",\"schemes\":\"bearer\"}") + "\r\n");
            Assert.Equal("AQ==", await c.ReadLineAsync());
            await c.SendAsync("535 5.7.8 Authentication failed\r\n");
        });
        port = server.Port;
        await using (server)
        await using (h)
        {
            var result = await SaslAuthenticator.AuthenticateAsync(h.Session, new AuthRequest("OAUTHBEARER", User, "ya29.secret-token") { AllowPlaintext = true });
            Assert.Equal(535, result.Reply!.Code);
            Assert.Empty(server.Failures);
            Assert.Equal($"n,a=alice,\u0001host=127.0.0.1\u0001port={port}\u0001auth=Bearer ya29.secret-token\u0001\u0001", message);
            var explanation = Assert.Single(h.Sink.Events, e => e.Kind == TranscriptEventKind.Info && e.Text.StartsWith("OAuth error:", StringComparison.Ordinal));
            Assert.Contains("status invalid_token: the token was refused", explanation.Text);
            Assert.Contains("scope \"https://mail.example/send\"", explanation.Text);
            Assert.Contains("scheme(s) \"bearer\"", explanation.Text);
            Assert.Contains(h.Sink.OfKind(TranscriptEventKind.Send), e => e.Text == "AQ==" && e.Note!.Contains("0x01"));
            SaslAuthenticatorTests.AssertNoSecret(h.Sink, "ya29.secret-token");
        }
    }

    [Fact]
    public async Task OAuthBearer_NoInitial_AnswersTheEmptyChallenge()
    {
        var (h, server) = await StartAsync(async c =>
        {
            Assert.Equal("AUTH OAUTHBEARER", await c.ReadLineAsync());
            await c.SendAsync("334 \r\n");
            Assert.StartsWith("n,a=alice,", Unb64((await c.ReadLineAsync())!));
            await c.SendAsync("235 2.7.0 ok\r\n");
        });
        await using (server)
        await using (h)
        {
            var result = await SaslAuthenticator.AuthenticateAsync(h.Session, new AuthRequest("OAUTHBEARER", User, "tok") { AllowPlaintext = true, InitialResponse = InitialResponseMode.Never });
            Assert.Equal(235, result.Reply!.Code);
            Assert.Empty(server.Failures);
        }
    }

    [Fact]
    public async Task XOAuth2_ErrorChallenge_IsExplainedInWords()
    {
        var (h, server) = await StartAsync(async c =>
        {
            await c.ReadLineAsync();
            await c.SendAsync("334 " + B64("{\"status\":\"400\",\"schemes\":\"Bearer\",\"scope\":\"https://mail.google.com/\"}") + "\r\n");
            Assert.Equal(string.Empty, await c.ReadLineAsync());
            await c.SendAsync("535 5.7.8 Username and Password not accepted\r\n");
        });
        await using (server)
        await using (h)
        {
            await SaslAuthenticator.AuthenticateAsync(h.Session, new AuthRequest("XOAUTH2", User, "tok") { AllowPlaintext = true });
            Assert.Contains(h.Sink.Events, e => e.Text.StartsWith("OAuth error: status 400: the request was malformed", StringComparison.Ordinal) && e.Text.Contains("https://mail.google.com/"));
        }
    }

    [Fact]
    public async Task Ntlm_NegotiateChallengeAuthenticate_MessageTypesAndUserChecked()
    {
        byte[]? authenticate = null;
        var (h, server) = await StartAsync(async c =>
        {
            string first = await c.ReadLineAsync() ?? "";
            Assert.StartsWith("AUTH NTLM ", first);
            byte[] negotiate = Convert.FromBase64String(first["AUTH NTLM ".Length..]);
            Assert.Equal("NTLMSSP\0"u8.ToArray(), negotiate[..8]);
            Assert.Equal(1, BitConverter.ToInt32(negotiate, 8));
            await c.SendAsync("334 " + Convert.ToBase64String(NtlmChallenge()) + "\r\n");
            authenticate = Convert.FromBase64String((await c.ReadLineAsync())!);
            await c.SendAsync("235 2.7.0 ok\r\n");
        });
        await using (server)
        await using (h)
        {
            var result = await SaslAuthenticator.AuthenticateAsync(h.Session, new AuthRequest("NTLM", User, Password) { AllowPlaintext = true });
            Assert.Equal(235, result.Reply!.Code);
            Assert.Empty(server.Failures);
            Assert.Equal("NTLMSSP\0"u8.ToArray(), authenticate![..8]);
            Assert.Equal(3, BitConverter.ToInt32(authenticate, 8));
            int userLength = BitConverter.ToUInt16(authenticate, 36);
            int userOffset = BitConverter.ToInt32(authenticate, 40);
            Assert.Equal(User, Encoding.Unicode.GetString(authenticate, userOffset, userLength));
            int ntLength = BitConverter.ToUInt16(authenticate, 20);
            Assert.True(ntLength > 24, "an NTLMv2 response (longer than the 24-byte NTLMv1 one)");
            var note = Assert.Single(h.Sink.Events, e => e.Kind == TranscriptEventKind.Info && e.Text.StartsWith("NTLM challenge message:", StringComparison.Ordinal));
            Assert.Contains("target \"EXAMPLE\"", note.Text);
            Assert.Contains("NetBIOS computer \"SERVER\"", note.Text);
            var sends = h.Sink.OfKind(TranscriptEventKind.Send).ToList();
            Assert.Contains("negotiate message", sends[0].Note);
            Assert.True(sends[1].Secret);
            SaslAuthenticatorTests.AssertNoSecret(h.Sink, Password);
        }
    }

    /// <summary>A minimal NTLM CHALLENGE_MESSAGE (MS-NLMP 2.2.1.2) with a target name and target info.</summary>
    private static byte[] NtlmChallenge()
    {
        byte[] target = Encoding.Unicode.GetBytes("EXAMPLE");
        var info = new List<byte>();
        void Av(ushort id, byte[] value)
        {
            info.AddRange(BitConverter.GetBytes(id));
            info.AddRange(BitConverter.GetBytes((ushort)value.Length));
            info.AddRange(value);
        }
        Av(2, target);
        Av(1, Encoding.Unicode.GetBytes("SERVER"));
        Av(7, BitConverter.GetBytes(DateTime.UtcNow.ToFileTimeUtc()));
        Av(0, []);
        const int header = 56;
        var m = new List<byte>();
        m.AddRange("NTLMSSP\0"u8.ToArray());
        m.AddRange(BitConverter.GetBytes(2));
        m.AddRange(BitConverter.GetBytes((ushort)target.Length));
        m.AddRange(BitConverter.GetBytes((ushort)target.Length));
        m.AddRange(BitConverter.GetBytes(header));
        m.AddRange(BitConverter.GetBytes(0x02890205u));
        m.AddRange(RandomNumberGenerator.GetBytes(8));
        m.AddRange(new byte[8]);
        m.AddRange(BitConverter.GetBytes((ushort)info.Count));
        m.AddRange(BitConverter.GetBytes((ushort)info.Count));
        m.AddRange(BitConverter.GetBytes(header + target.Length));
        m.AddRange(new byte[] { 10, 0, 0x61, 0x4a, 0, 0, 0, 15 });
        m.AddRange(target);
        m.AddRange(info);
        return [.. m];
    }

    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();
}
