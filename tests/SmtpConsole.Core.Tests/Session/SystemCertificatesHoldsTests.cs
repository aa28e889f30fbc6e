using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using SmtpConsole.Core.Session;

namespace SmtpConsole.Core.Tests.Session;

/// <summary>
/// After a narrowed handshake, "is this root also a system root?" is answered from the bundle without decoding every
/// certificate in it: only PEM blocks of the root's length are decoded. The answer stays exact: any line wrapping and
/// line ends, a different certificate of the same length, a "TRUSTED CERTIFICATE" block (not read by .NET either), the
/// hashed directory.
/// </summary>
public sealed class SystemCertificatesHoldsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("smtpconsole-holds-").FullName;
    private readonly string _emptyDir;

    public SystemCertificatesHoldsTests()
    {
        _emptyDir = Path.Combine(_dir, "empty");
        Directory.CreateDirectory(_emptyDir);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static X509Certificate2 SelfSigned(RSA key, string subject)
    {
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
    }

    private static string Pem(X509Certificate2 certificate, int width = 64, string newLine = "\n", string label = "CERTIFICATE")
    {
        string base64 = Convert.ToBase64String(certificate.RawData);
        var sb = new StringBuilder().Append("-----BEGIN ").Append(label).Append("-----").Append(newLine);
        for (int i = 0; i < base64.Length; i += width) sb.Append(base64.AsSpan(i, Math.Min(width, base64.Length - i))).Append(newLine);
        return sb.Append("-----END ").Append(label).Append("-----").Append(newLine).ToString();
    }

    private string Bundle(params string[] blocks)
    {
        string path = Path.Combine(_dir, Guid.NewGuid().ToString("n") + ".crt");
        File.WriteAllText(path, "# a bundle\n" + string.Concat(blocks));
        return path;
    }

    private bool Holds(X509Certificate2 root, string bundle, string? directory = null) =>
        OperatingSystem.IsLinux() && SystemCertificates.Holds(root, bundle, directory ?? _emptyDir);

    [Fact]
    public void TheRootAmongOthers_AnyWrappingAndLineEnds_IsHeld()
    {
        if (!OperatingSystem.IsLinux()) return; // OpenSSL trust locations: Linux only
        using var key = RSA.Create(2048);
        using var other = RSA.Create(3072);
        using var root = SelfSigned(key, "CN=Test Root");
        using var unrelated = SelfSigned(other, "CN=Another Root");
        Assert.True(Holds(root, Bundle(Pem(unrelated), Pem(root), Pem(unrelated))));
        Assert.True(Holds(root, Bundle(Pem(unrelated, 76, "\r\n"), Pem(root, 76, "\r\n"))));
        Assert.False(Holds(root, Bundle(Pem(unrelated), Pem(unrelated, 76))));
    }

    [Fact]
    public void ADifferentCertificateOfTheSameLength_IsNotTheRoot()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var key = RSA.Create(2048);
        using var root = SelfSigned(key, "CN=Test Root");
        X509Certificate2? twin = null;
        for (int i = 0; i < 50 && twin is null; i++)
        {
            var candidate = SelfSigned(key, "CN=Test Root");
            if (candidate.RawData.Length == root.RawData.Length && !candidate.RawData.AsSpan().SequenceEqual(root.RawData)) twin = candidate;
            else candidate.Dispose();
        }
        Assert.NotNull(twin); // same key and subject: only the serial number and signature differ
        using (twin)
        {
            Assert.False(Holds(root, Bundle(Pem(twin))));
            Assert.True(Holds(root, Bundle(Pem(twin), Pem(root))));
        }
    }

    [Fact]
    public void OnlyAsTrustedCertificateBlock_IsNotHeld()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var key = RSA.Create(2048);
        using var root = SelfSigned(key, "CN=Test Root");
        Assert.False(Holds(root, Bundle(Pem(root, label: "TRUSTED CERTIFICATE"))));
    }

    [Fact]
    public void InTheHashedDirectory_IsHeld_AndAMissingBundleIsNoError()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var key = RSA.Create(2048);
        using var root = SelfSigned(key, "CN=Hashed Root");
        string directory = Path.Combine(_dir, "hashed");
        Directory.CreateDirectory(directory);
        string hash = OpenSslTrustLocations.SubjectHashName(root)!;
        File.WriteAllText(Path.Combine(directory, hash + ".0"), Pem(root));
        Assert.True(Holds(root, Path.Combine(_dir, "no-such-bundle.crt"), directory));
        Assert.False(Holds(root, Path.Combine(_dir, "no-such-bundle.crt")));
    }
}
