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

    /// <summary>
    /// A private CA (root), an intermediate it signed, and a server certificate for <paramref name="name"/> (with
    /// 127.0.0.1) signed by the intermediate: a server that presents only the last one sends an incomplete chain.
    /// </summary>
    public static (X509Certificate2 Root, X509Certificate2 Intermediate, X509Certificate2 Server) CreateChain(string name = "localhost")
    {
        var now = DateTimeOffset.UtcNow;
        using var rootKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var rootRequest = new CertificateRequest("CN=SmtpConsole Test Root CA", rootKey, HashAlgorithmName.SHA256);
        rootRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        rootRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        using var rootWithKey = rootRequest.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));

        using var intermediateKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var intermediateRequest = new CertificateRequest("CN=SmtpConsole Test Intermediate CA", intermediateKey, HashAlgorithmName.SHA256);
        intermediateRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        intermediateRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        using var intermediatePublic = intermediateRequest.Create(rootWithKey, now.AddDays(-1), now.AddDays(20), [1, 2, 3, 4]);
        using var intermediateWithKey = intermediatePublic.CopyWithPrivateKey(intermediateKey);

        using var serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var serverRequest = new CertificateRequest($"CN={name}", serverKey, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName(name);
        san.AddIpAddress(IPAddress.Loopback);
        serverRequest.CertificateExtensions.Add(san.Build());
        serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var serverPublic = serverRequest.Create(intermediateWithKey, now.AddHours(-1), now.AddDays(10), [5, 6, 7, 8]);
        using var serverWithKey = serverPublic.CopyWithPrivateKey(serverKey);
        return (X509CertificateLoader.LoadCertificate(rootWithKey.RawData), X509CertificateLoader.LoadCertificate(intermediateWithKey.RawData),
            X509CertificateLoader.LoadPkcs12(serverWithKey.Export(X509ContentType.Pkcs12), null));
    }
}
