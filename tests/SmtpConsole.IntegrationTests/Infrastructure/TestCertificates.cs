using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace SmtpConsole.IntegrationTests.Infrastructure;

/// <summary>Certificate validation against the throw-away test CA from tests/servers/make-tls.sh.</summary>
public static class TestCertificates
{
    /// <summary>Builds the chain for <paramref name="certificate"/> with <paramref name="ca"/> as the only trusted root.</summary>
    public static X509ChainStatusFlags ChainStatusWithTestCa(X509Certificate2 certificate, X509Certificate2 ca)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        // No network on the test machines, and the test CA publishes no CRL.
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.Build(certificate);
        var flags = X509ChainStatusFlags.NoError;
        foreach (var status in chain.ChainStatus)
        {
            flags |= status.Status;
        }

        return flags;
    }

    /// <summary>
    /// A validation callback that accepts exactly what a client trusting the
    /// test CA should accept, and reports every verdict to <paramref name="observe"/>.
    /// </summary>
    public static RemoteCertificateValidationCallback TrustingTestCa(X509Certificate2 ca, Action<CertificateCheck>? observe = null) =>
        (_, certificate, _, errors) =>
        {
            if (certificate is null)
            {
                return false;
            }

            // A copy: the handshake may dispose its instance once the callback returns.
            var cert = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
            var check = new CertificateCheck
            {
                Certificate = cert,
                SystemPolicyErrors = errors,
                ChainStatus = ChainStatusWithTestCa(cert, ca),
            };
            observe?.Invoke(check);
            return check.IsTrusted;
        };
}
