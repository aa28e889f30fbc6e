using System.Security.Cryptography.X509Certificates;
using MailKit.Security;
using SmtpConsole.IntegrationTests.Infrastructure;

namespace SmtpConsole.IntegrationTests.ServerSanity;

[Collection(LocalServersCollection.Name)]
public sealed class TlsCertificateTests(LocalServers servers)
{
    [Fact]
    public async Task Good_certificate_is_trusted_through_the_test_CA_only()
    {
        CertificateCheck? seen = null;
        using var client = SmtpClients.TrustingTestCa(servers, observe: c => seen = c);

        await client.ConnectAsync(servers.Host, servers.Ports.Smtps, SecureSocketOptions.SslOnConnect);

        Assert.NotNull(seen);
        Assert.True(seen.IsTrusted);
        // Without the CA the system store rejects it: the "untrusted certificate" case.
        Assert.True(seen.SystemPolicyErrors.HasFlag(System.Net.Security.SslPolicyErrors.RemoteCertificateChainErrors));
        await client.DisconnectAsync(quit: true);
    }

    [Fact]
    public async Task Expired_certificate_port_fails_validation_with_NotTimeValid()
    {
        CertificateCheck? seen = null;
        using var client = SmtpClients.TrustingTestCa(servers, observe: c => seen = c);

        await Assert.ThrowsAsync<SslHandshakeException>(
            () => client.ConnectAsync(servers.Host, servers.Ports.SmtpsExpired, SecureSocketOptions.SslOnConnect));

        Assert.NotNull(seen);
        Assert.Equal(X509ChainStatusFlags.NotTimeValid, seen.ChainStatus);
        Assert.False(seen.NameMismatch);
        Assert.True(seen.Certificate.NotAfter < DateTime.Now);
    }

    [Fact]
    public async Task Wrong_host_certificate_port_fails_validation_with_a_name_mismatch()
    {
        CertificateCheck? seen = null;
        using var client = SmtpClients.TrustingTestCa(servers, observe: c => seen = c);

        await Assert.ThrowsAsync<SslHandshakeException>(
            () => client.ConnectAsync(servers.Host, servers.Ports.SmtpsWrongHost, SecureSocketOptions.SslOnConnect));

        Assert.NotNull(seen);
        Assert.True(seen.NameMismatch);
        Assert.Equal(X509ChainStatusFlags.NoError, seen.ChainStatus);
        Assert.Contains("wrong.example", seen.Certificate.Subject, StringComparison.Ordinal);
    }
}
