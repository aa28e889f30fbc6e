using System.Text;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using SmtpConsole.IntegrationTests.Infrastructure;

namespace SmtpConsole.IntegrationTests.ServerSanity;

[Collection(LocalServersCollection.Name)]
public sealed class PostfixSubmissionTests(LocalServers servers)
{
    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromSeconds(30);

    public static TheoryData<string> Mechanisms => ["PLAIN", "LOGIN", "CRAM-MD5", "SCRAM-SHA-256"];

    [Theory]
    [MemberData(nameof(Mechanisms))]
    public async Task Submission_STARTTLS_then_AUTH_succeeds(string mechanism)
    {
        using var client = SmtpClients.TrustingTestCa(servers);
        await client.ConnectAsync(servers.Host, servers.Ports.Submission, SecureSocketOptions.StartTls);
        Assert.True(client.IsSecure);
        Assert.Contains(mechanism, client.AuthenticationMechanisms);

        await client.AuthenticateAsync(Sasl(mechanism, servers.Alice));

        Assert.True(client.IsAuthenticated);
        await client.DisconnectAsync(quit: true);
    }

    [Fact]
    public async Task Wrong_password_is_refused_with_535()
    {
        using var log = new MemoryStream();
        using (var client = SmtpClients.TrustingTestCa(servers, log))
        {
            await client.ConnectAsync(servers.Host, servers.Ports.Submission, SecureSocketOptions.StartTls);

            await Assert.ThrowsAsync<AuthenticationException>(
                () => client.AuthenticateAsync(new SaslMechanismPlain(servers.Alice.Name, "not-the-password")));

            await client.DisconnectAsync(quit: true);
        }

        Assert.Contains("535 5.7.8 Error: authentication failed", Encoding.UTF8.GetString(log.ToArray()));
    }

    [Fact]
    public async Task Message_with_leading_dot_lines_arrives_intact_in_the_Maildir()
    {
        var marker = $"sanity-dot-{Guid.NewGuid():N}";
        var body = "first line\n.starts with a dot\n..two dots\n.\nlast line\n";
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(servers.Bob.Address));
        message.To.Add(MailboxAddress.Parse(servers.Alice.Address));
        message.Subject = marker;
        message.Body = new TextPart("plain") { Text = body, ContentTransferEncoding = ContentEncoding.SevenBit };

        using (var client = SmtpClients.TrustingTestCa(servers))
        {
            await client.ConnectAsync(servers.Host, servers.Ports.Submission, SecureSocketOptions.StartTls);
            await client.AuthenticateAsync(new SaslMechanismPlain(servers.Bob.Name, servers.Bob.Password));
            await client.SendAsync(message);
            await client.DisconnectAsync(quit: true);
        }

        var raw = await servers.WaitForDeliveredMessageAsync("alice", text => text.Contains(marker, StringComparison.Ordinal), DeliveryTimeout);

        var delivered = raw.Replace("\r\n", "\n", StringComparison.Ordinal);
        var bodyStart = delivered.IndexOf("\n\n", StringComparison.Ordinal);
        Assert.True(bodyStart > 0, "delivered message has no header/body separator");
        Assert.Equal(body, delivered[(bodyStart + 2)..]);
        Assert.Contains("(Authenticated sender: bob)", delivered);
    }

    [Fact]
    public async Task Implicit_TLS_port_authenticates_and_delivers()
    {
        var marker = $"sanity-smtps-{Guid.NewGuid():N}";
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(servers.Alice.Address));
        message.To.Add(MailboxAddress.Parse(servers.Bob.Address));
        message.Subject = marker;
        message.Body = new TextPart("plain") { Text = "over implicit TLS\n" };

        using (var client = SmtpClients.TrustingTestCa(servers))
        {
            await client.ConnectAsync(servers.Host, servers.Ports.Smtps, SecureSocketOptions.SslOnConnect);
            Assert.True(client.IsSecure);
            await client.AuthenticateAsync(new SaslMechanismLogin(servers.Alice.Name, servers.Alice.Password));
            await client.SendAsync(message);
            await client.DisconnectAsync(quit: true);
        }

        var raw = await servers.WaitForDeliveredMessageAsync("bob", text => text.Contains(marker, StringComparison.Ordinal), DeliveryTimeout);
        Assert.Contains("with ESMTPSA", raw);
    }

    [Fact]
    public async Task Unauthenticated_relay_on_the_MTA_port_is_denied()
    {
        using var client = SmtpClients.TrustingTestCa(servers);
        await client.ConnectAsync(servers.Host, servers.Ports.Smtp, SecureSocketOptions.None);
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse("someone@elsewhere.invalid"));
        message.To.Add(MailboxAddress.Parse("victim@elsewhere.invalid"));
        message.Body = new TextPart("plain") { Text = "relay attempt\n" };

        var e = await Assert.ThrowsAsync<SmtpCommandException>(() => client.SendAsync(message));

        Assert.Equal(SmtpErrorCode.RecipientNotAccepted, e.ErrorCode);
        Assert.Equal(554, (int)e.StatusCode);
        Assert.Contains("Relay access denied", e.Message);
    }

    private static SaslMechanism Sasl(string mechanism, TestUser user) => mechanism switch
    {
        "PLAIN" => new SaslMechanismPlain(user.Name, user.Password),
        "LOGIN" => new SaslMechanismLogin(user.Name, user.Password),
        "CRAM-MD5" => new SaslMechanismCramMd5(user.Name, user.Password),
        "SCRAM-SHA-256" => new SaslMechanismScramSha256(user.Name, user.Password),
        _ => throw new ArgumentOutOfRangeException(nameof(mechanism), mechanism, null),
    };
}
