using MailKit.Security;
using MimeKit;
using SmtpConsole.IntegrationTests.Infrastructure;

namespace SmtpConsole.IntegrationTests.ServerSanity;

[Collection(LocalServersCollection.Name)]
public sealed class AiosmtpdTests(LocalServers servers)
{
    [Fact]
    public async Task Accepts_an_SMTPUTF8_message_after_STARTTLS_and_AUTH()
    {
        var marker = $"sanity-utf8-{Guid.NewGuid():N}";
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Alice", servers.Alice.Address));
        message.To.Add(new MailboxAddress("Jürgen", "jürgen@example.test"));
        message.Subject = $"Grüße {marker}";
        message.Body = new TextPart("plain") { Text = "Überall UTF-8 ✓\n" };

        using (var client = SmtpClients.TrustingTestCa(servers))
        {
            await client.ConnectAsync(servers.Host, servers.Ports.Aiosmtpd, SecureSocketOptions.StartTls);
            Assert.True(client.Capabilities.HasFlag(MailKit.Net.Smtp.SmtpCapabilities.UTF8));
            await client.AuthenticateAsync(new SaslMechanismPlain(servers.Alice.Name, servers.Alice.Password));
            await client.SendAsync(new FormatOptions { International = true }, message);
            await client.DisconnectAsync(quit: true);
        }

        var captured = await servers.WaitForAiosmtpdCaptureAsync(m => m.Raw.Contains(marker, StringComparison.Ordinal), TimeSpan.FromSeconds(30));

        Assert.True(captured.SmtpUtf8);
        Assert.Equal(["jürgen@example.test"], captured.RcptTos);
        Assert.True(captured.Tls);
        Assert.Equal("alice", captured.AuthenticatedAs);
        Assert.Contains($"Subject: Grüße {marker}", captured.Raw);
    }
}
