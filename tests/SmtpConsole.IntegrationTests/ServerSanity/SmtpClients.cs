using MailKit;
using MailKit.Net.Smtp;
using SmtpConsole.IntegrationTests.Infrastructure;

namespace SmtpConsole.IntegrationTests.ServerSanity;

/// <summary>MailKit clients set up the way the sanity tests need them.</summary>
internal static class SmtpClients
{
    /// <summary>
    /// A client that trusts the test CA (and only it), does no revocation
    /// lookups (no network), and optionally logs the protocol to <paramref name="log"/>.
    /// </summary>
    public static SmtpClient TrustingTestCa(LocalServers servers, Stream? log = null, Action<CertificateCheck>? observe = null)
    {
        var client = log is null ? new SmtpClient() : new SmtpClient(new ProtocolLogger(log, leaveOpen: true));
        client.Timeout = 15_000;
        client.CheckCertificateRevocation = false;
        client.LocalDomain = "sanity.example.test";
        client.ServerCertificateValidationCallback = TestCertificates.TrustingTestCa(servers.CaCertificate, observe);
        return client;
    }
}
