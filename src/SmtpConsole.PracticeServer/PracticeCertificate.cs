using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SmtpConsole.PracticeServer;

/// <summary>
/// Makes and describes the practice server's throw-away TLS certificate. It is self-signed, so clients must be told
/// to trust exactly this certificate (by fingerprint or by its PEM file) rather than to stop checking certificates.
/// </summary>
public static class PracticeCertificate
{
    private const string ServerAuthenticationOid = "1.3.6.1.5.5.7.3.1";

    /// <summary>How long a new certificate stays valid.</summary>
    public static TimeSpan Lifetime { get; } = TimeSpan.FromDays(7);

    /// <summary>
    /// Creates an ECDSA P-256 certificate for CN=localhost with subject alternative names localhost, 127.0.0.1, ::1
    /// and <paramref name="hostName"/>, valid from an hour ago (tolerating clock skew) for <see cref="Lifetime"/>.
    /// </summary>
    /// <param name="hostName">The practice server's host name, added as a DNS name.</param>
    /// <param name="now">The current time; tests pass a fixed one.</param>
    public static X509Certificate2 Create(string hostName, DateTimeOffset? now = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(hostName);
        var start = (now ?? DateTimeOffset.UtcNow).AddHours(-1);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);

        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        if (!hostName.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            names.AddDnsName(hostName);
        }

        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(ServerAuthenticationOid)], critical: false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));

        using var created = request.CreateSelfSigned(start, start.AddHours(1) + Lifetime);

        // A PKCS#12 round trip gives a certificate whose private key every platform's TLS stack can use
        // (Windows SChannel cannot use the in-memory key CreateSelfSigned returns).
        var flags = OperatingSystem.IsWindows() ? X509KeyStorageFlags.DefaultKeySet : X509KeyStorageFlags.EphemeralKeySet;
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), password: null, flags);
    }

    /// <summary>The SHA-256 fingerprint as colon-separated hex pairs, the form browsers and openssl show.</summary>
    public static string GetSha256Fingerprint(X509Certificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return string.Join(':', certificate.GetCertHash(HashAlgorithmName.SHA256).Select(b => b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>True when <paramref name="presented"/> is exactly <paramref name="expected"/>: the check a client uses to trust this one certificate.</summary>
    public static bool IsSameCertificate(X509Certificate expected, X509Certificate? presented)
    {
        ArgumentNullException.ThrowIfNull(expected);
        return presented is not null
            && CryptographicOperations.FixedTimeEquals(expected.GetCertHash(HashAlgorithmName.SHA256), presented.GetCertHash(HashAlgorithmName.SHA256));
    }

    /// <summary>The certificate (public part only) in PEM form, for swaks --tls-ca-path or smtpconsole --cafile.</summary>
    public static string ExportPem(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return certificate.ExportCertificatePem();
    }
}
