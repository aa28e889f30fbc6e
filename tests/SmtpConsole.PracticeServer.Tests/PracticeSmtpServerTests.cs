using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace SmtpConsole.PracticeServer.Tests;

/// <summary>The whole server over real sockets, with MailKit (what the product's client side uses) as the client.</summary>
public sealed class PracticeSmtpServerTests
{
    private static SmtpClient TrustingOnly(X509Certificate2 certificate) => new()
    {
        LocalDomain = "mailkit.test",
        CheckCertificateRevocation = false,
        ServerCertificateValidationCallback = (_, presented, _, _) => PracticeCertificate.IsSameCertificate(certificate, presented),
    };

    private static MimeMessage Letter(string subject)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Demo", "demo@practice.smtpconsole.test"));
        message.To.Add(new MailboxAddress("Friend", "friend@example.org"));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = "Hello from MailKit.\n.A line starting with a dot\n" };
        return message;
    }

    public static TheoryData<string> Mechanisms => ["PLAIN", "LOGIN", "CRAM-MD5"];

    [Theory]
    [MemberData(nameof(Mechanisms))]
    public async Task MailKit_starttls_auth_and_send(string mechanism)
    {
        await using var server = await ServerFixture.StartAsync();
        using var client = TrustingOnly(server.Certificate);
        await client.ConnectAsync("127.0.0.1", server.Port, SecureSocketOptions.StartTls);
        Assert.True(client.IsSecure);
        Assert.Contains(mechanism, client.AuthenticationMechanisms);
        var credentials = new NetworkCredential("demo", "practice");
        SaslMechanism sasl = mechanism switch
        {
            "PLAIN" => new SaslMechanismPlain(credentials),
            "LOGIN" => new SaslMechanismLogin(credentials),
            _ => new SaslMechanismCramMd5(credentials),
        };
        await client.AuthenticateAsync(sasl);

        var response = await client.SendAsync(Letter($"via {mechanism}"));
        await client.DisconnectAsync(quit: true);

        var message = Assert.Single(await ServerFixture.WaitForMessagesAsync(server.Inbox));
        Assert.Contains($"queued as {message.Id}", response, StringComparison.Ordinal);
        Assert.Equal("demo", message.AuthenticatedUser);
        Assert.True(message.UsedTls);
        Assert.Equal("mailkit.test", message.HeloName);
        Assert.Equal("demo@practice.smtpconsole.test", message.MailFrom);
        Assert.Equal(["friend@example.org"], message.Recipients);
        Assert.Equal(IPAddress.Loopback, message.ClientEndPoint?.Address);
        var parsed = message.ToMimeMessage();
        Assert.Equal($"via {mechanism}", parsed.Subject);
        Assert.Contains(".A line starting with a dot", parsed.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MailKit_reports_535_for_a_wrong_password()
    {
        await using var server = await ServerFixture.StartAsync();
        using var client = TrustingOnly(server.Certificate);
        await client.ConnectAsync("127.0.0.1", server.Port, SecureSocketOptions.StartTls);
        var failure = await Assert.ThrowsAsync<AuthenticationException>(
            () => client.AuthenticateAsync(new SaslMechanismLogin(new NetworkCredential("demo", "wrong"))));
        Assert.Contains("authentication failure", failure.Message, StringComparison.Ordinal);
        Assert.False(client.IsAuthenticated);
    }

    [Fact]
    public async Task MailKit_sees_no_auth_before_starttls()
    {
        await using var server = await ServerFixture.StartAsync();
        using var client = TrustingOnly(server.Certificate);
        await client.ConnectAsync("127.0.0.1", server.Port, SecureSocketOptions.None);
        Assert.Empty(client.AuthenticationMechanisms);
        Assert.True(client.Capabilities.HasFlag(SmtpCapabilities.StartTLS));
        Assert.True(client.Capabilities.HasFlag(SmtpCapabilities.Pipelining));
        Assert.True(client.Capabilities.HasFlag(SmtpCapabilities.Size));
        Assert.Equal(10 * 1024 * 1024, (int)client.MaxSize);
    }

    [Fact]
    public async Task A_client_that_trusts_another_certificate_refuses_the_handshake()
    {
        await using var server = await ServerFixture.StartAsync();
        using var stranger = PracticeCertificate.Create("other.test");
        using var client = TrustingOnly(stranger);
        await Assert.ThrowsAsync<SslHandshakeException>(() => client.ConnectAsync("127.0.0.1", server.Port, SecureSocketOptions.StartTls));
    }

    [Fact]
    public async Task Unauthenticated_mail_to_the_local_domain_is_accepted_over_plain_text()
    {
        await using var server = await ServerFixture.StartAsync();
        using var client = TrustingOnly(server.Certificate);
        await client.ConnectAsync("127.0.0.1", server.Port, SecureSocketOptions.None);
        var message = Letter("plain");
        message.To.Clear();
        message.To.Add(MailboxAddress.Parse("someone@practice.smtpconsole.test"));
        await client.SendAsync(message);
        var received = Assert.Single(await ServerFixture.WaitForMessagesAsync(server.Inbox));
        Assert.Null(received.AuthenticatedUser);
        Assert.False(received.UsedTls);
    }

    [Fact]
    public async Task MailKit_relay_without_auth_gets_554()
    {
        await using var server = await ServerFixture.StartAsync();
        using var client = TrustingOnly(server.Certificate);
        await client.ConnectAsync("127.0.0.1", server.Port, SecureSocketOptions.StartTls);
        var failure = await Assert.ThrowsAsync<SmtpCommandException>(() => client.SendAsync(Letter("relay")));
        Assert.Equal(SmtpStatusCode.TransactionFailed, failure.StatusCode);
        Assert.Contains("Relay access denied", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_its_endpoint_accounts_and_certificate()
    {
        await using var server = await ServerFixture.StartAsync();
        Assert.Equal(IPAddress.Loopback, server.EndPoint.Address);
        Assert.NotEqual(0, server.Port);
        Assert.Equal(server.EndPoint.Port, server.Port);
        Assert.Equal(["demo", "learner"], server.Accounts.Select(account => account.UserName));
        Assert.True(server.Certificate.HasPrivateKey);
        Assert.True(server.IsRunning);
    }

    [Fact]
    public async Task Starting_on_a_port_in_use_throws()
    {
        await using var server = await ServerFixture.StartAsync();
        await Assert.ThrowsAsync<SocketException>(() => PracticeSmtpServer.StartAsync(new PracticeServerOptions { Port = server.Port }));
    }

    [Fact]
    public async Task Invalid_options_are_rejected_before_binding()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => PracticeSmtpServer.StartAsync(new PracticeServerOptions { MaxLineLength = 10 }));
    }

    [Fact]
    public async Task Connections_over_the_limit_get_421()
    {
        await using var server = await ServerFixture.StartAsync(new PracticeServerOptions { MaxConnections = 1 });
        await using var first = await RawSmtpClient.ConnectAndGreetAsync(server.EndPoint);
        await using var second = await RawSmtpClient.ConnectAsync(server.EndPoint);
        Assert.Equal($"421 4.7.0 {server.HostName} Error: too many connections from 127.0.0.1", await second.ReadReplyAsync());
        Assert.True(await second.IsClosedByServerAsync());
        Assert.Equal("250 2.0.0 Ok", await first.CommandAsync("NOOP"));
    }

    [Fact]
    public async Task Stopping_closes_open_connections_and_the_listener()
    {
        var server = await ServerFixture.StartAsync();
        await using var client = await RawSmtpClient.ConnectAndGreetAsync(server.EndPoint);
        await server.StopAsync().WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(server.IsRunning);
        Assert.True(await client.IsClosedByServerAsync());
        await Assert.ThrowsAnyAsync<SocketException>(() => RawSmtpClient.ConnectAsync(server.EndPoint));
        await server.DisposeAsync();
        await server.StopAsync();
    }

    [Fact]
    public async Task A_client_vanishing_mid_data_does_not_disturb_the_server()
    {
        await using var server = await ServerFixture.StartAsync();
        await using (var rude = await RawSmtpClient.ConnectAndGreetAsync(server.EndPoint))
        {
            await rude.WriteAsync("EHLO x\r\nMAIL FROM:<a@b.example>\r\nRCPT TO:<c@practice.smtpconsole.test>\r\nDATA\r\nhalf a messa");
        }

        await using var polite = await RawSmtpClient.ConnectAndGreetAsync(server.EndPoint);
        Assert.Equal("250 2.0.0 Ok", await polite.CommandAsync("NOOP"));
        Assert.Equal(0, server.Inbox.Count);
    }

    [Fact]
    public async Task Log_has_a_line_per_connection_and_message()
    {
        var lines = new System.Collections.Concurrent.ConcurrentQueue<string>();
        await using var server = await ServerFixture.StartAsync(new PracticeServerOptions { Log = lines.Enqueue });
        await using (var client = await RawSmtpClient.ConnectAndGreetAsync(server.EndPoint))
        {
            await client.WriteAsync("HELO x\r\nMAIL FROM:<>\r\nRCPT TO:<a@practice.smtpconsole.test>\r\nDATA\r\n");
            for (var i = 0; i < 4; i++)
            {
                await client.ReadReplyAsync();
            }

            Assert.StartsWith("250 2.0.0 Ok: queued as", await client.CommandAsync("hi\r\n."));
            Assert.Equal("221 2.0.0 Bye", await client.CommandAsync("QUIT"));
        }

        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (!lines.Any(line => line.StartsWith("disconnect from 127.0.0.1:", StringComparison.Ordinal)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        Assert.Contains(lines, line => line.StartsWith("connect from 127.0.0.1:", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("from=<>, to=<a@practice.smtpconsole.test>, size=4", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("disconnect from 127.0.0.1:", StringComparison.Ordinal) && line.Contains("221 2.0.0 Bye", StringComparison.Ordinal));
    }
}
