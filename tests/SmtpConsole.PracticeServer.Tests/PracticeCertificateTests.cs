using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SmtpConsole.PracticeServer.Tests;

public sealed class PracticeCertificateTests
{
    private static readonly DateTimeOffset Now = new(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Fact]
    public void Is_a_p256_certificate_for_localhost_with_a_usable_private_key()
    {
        using var certificate = PracticeCertificate.Create("practice.smtpconsole.test", Now);
        Assert.Equal("CN=localhost", certificate.Subject);
        Assert.Equal(certificate.Subject, certificate.Issuer);
        Assert.True(certificate.HasPrivateKey);
        using var key = certificate.GetECDsaPrivateKey();
        Assert.NotNull(key);
        Assert.Equal(256, key.KeySize);
        var signature = key.SignData([1, 2, 3], HashAlgorithmName.SHA256);
        using var publicKey = certificate.GetECDsaPublicKey()!;
        Assert.True(publicKey.VerifyData(new byte[] { 1, 2, 3 }, signature, HashAlgorithmName.SHA256));
    }

    [Fact]
    public void Names_localhost_the_loopback_addresses_and_the_host_name()
    {
        using var certificate = PracticeCertificate.Create("practice.smtpconsole.test", Now);
        var names = certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single();
        Assert.Equal(["localhost", "practice.smtpconsole.test"], names.EnumerateDnsNames());
        Assert.Equal([IPAddress.Loopback, IPAddress.IPv6Loopback], names.EnumerateIPAddresses());
        Assert.True(certificate.MatchesHostname("practice.smtpconsole.test"));
        Assert.True(certificate.MatchesHostname("127.0.0.1"));
        var usage = certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single();
        Assert.Equal("1.3.6.1.5.5.7.3.1", Assert.Single(usage.EnhancedKeyUsages.Cast<Oid>()).Value);
    }

    [Fact]
    public void Is_valid_from_an_hour_ago_for_seven_days()
    {
        using var certificate = PracticeCertificate.Create("practice.smtpconsole.test", Now);
        Assert.Equal(Now.AddHours(-1).UtcDateTime, certificate.NotBefore.ToUniversalTime());
        Assert.Equal(Now.AddDays(7).UtcDateTime, certificate.NotAfter.ToUniversalTime());
    }

    [Fact]
    public void Each_certificate_is_new()
    {
        using var first = PracticeCertificate.Create("a.test");
        using var second = PracticeCertificate.Create("a.test");
        Assert.False(PracticeCertificate.IsSameCertificate(first, second));
        Assert.True(PracticeCertificate.IsSameCertificate(first, first));
        Assert.False(PracticeCertificate.IsSameCertificate(first, null));
    }

    [Fact]
    public void Fingerprint_and_pem_are_in_the_usual_forms()
    {
        using var certificate = PracticeCertificate.Create("a.test");
        var fingerprint = PracticeCertificate.GetSha256Fingerprint(certificate);
        Assert.Matches("^([0-9A-F]{2}:){31}[0-9A-F]{2}$", fingerprint);
        Assert.Equal(certificate.GetCertHashString(HashAlgorithmName.SHA256), fingerprint.Replace(":", "", StringComparison.Ordinal));

        var pem = PracticeCertificate.ExportPem(certificate);
        Assert.StartsWith("-----BEGIN CERTIFICATE-----", pem);
        Assert.DoesNotContain("PRIVATE KEY", pem, StringComparison.Ordinal);
        using var reloaded = X509Certificate2.CreateFromPem(pem);
        Assert.True(PracticeCertificate.IsSameCertificate(certificate, reloaded));
    }
}
