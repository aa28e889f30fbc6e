using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SmtpConsole.Testing;

/// <summary>Self-signed server certificates for in-process TLS (STARTTLS and implicit TLS) in tests.</summary>
public static class TestCertificateFactory
{
    /// <summary>
    /// A P-256 certificate for <paramref name="name"/> (subject CN and DNS name), valid from an hour ago to tomorrow
    /// unless told otherwise; <c>localhost</c>, or <paramref name="includeLoopbackAddress"/>, adds 127.0.0.1.
    /// </summary>
    public static X509Certificate2 Create(string name = "localhost", DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null, bool includeLoopbackAddress = false) =>
        Create(new X500DistinguishedName($"CN={name}"), name, notBefore, notAfter, includeLoopbackAddress || name == "localhost");

    /// <summary>As <see cref="Create(string, DateTimeOffset?, DateTimeOffset?, bool)"/> with any subject (hostile names included).</summary>
    public static X509Certificate2 Create(X500DistinguishedName subject, string dnsName, DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null, bool includeLoopbackAddress = false)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName(dnsName);
        if (includeLoopbackAddress) san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var cert = request.CreateSelfSigned(notBefore ?? DateTimeOffset.UtcNow.AddHours(-1), notAfter ?? DateTimeOffset.UtcNow.AddDays(1));
        // Re-imported so SslStream can use the private key on every platform.
        return X509CertificateLoader.LoadPkcs12(cert.Export(X509ContentType.Pkcs12), null);
    }
}
