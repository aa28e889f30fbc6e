using System.Security.Cryptography.X509Certificates;
using SmtpConsole.Core.Doctor;
using SmtpConsole.Core.Messages;
using SmtpConsole.Core.Session;
using SmtpConsole.Core.Transcript;

namespace SmtpConsole.Core.Tests.Doctor;

/// <summary>
/// Doctor chooses its TLS fix by the certificate's problem kinds (the kinds a real server cannot easily show here:
/// not yet valid, a pinned mismatch, a self-signed root), and the same finding reads in Chinese.
/// </summary>
public sealed class DoctorCertificateFixTests : IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("doctor-cert-").FullName;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    [Fact]
    public async Task NotYetValid_TheFixIsTheClock_WithNoRemedyToWeakenTls()
    {
        using var cert = TestCertificateFactory.Create("localhost", DateTimeOffset.UtcNow.AddDays(2), DateTimeOffset.UtcNow.AddDays(30));
        var tls = await TlsFindingAsync(cert, target => target with { CaFile = Pem(cert) });
        Assert.Equal([TlsProblemKind.NotYetValid], tls.CertificateProblems);
        Assert.Equal(MessageCatalog.Get("Doctor.Fix.CertificateNotYetValid", UiLanguage.English), tls.Fix);
        Assert.Empty(tls.Remedies);
        Assert.StartsWith("TLS 证书被拒绝：证书在 ", tls.DetailIn(UiLanguage.SimplifiedChinese), StringComparison.Ordinal);
        Assert.StartsWith("证书尚未生效：请检查本机时钟", tls.FixIn(UiLanguage.SimplifiedChinese), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PinnedMismatch_SaysSomeoneMayBeInBetween()
    {
        using var cert = TestCertificateFactory.Create("localhost");
        using var pinned = TestCertificateFactory.Create("localhost");
        var tls = await TlsFindingAsync(cert, target => target with { PinnedCertificate = pinned });
        Assert.Equal([TlsProblemKind.PinMismatch], tls.CertificateProblems);
        Assert.Equal(MessageCatalog.Get("Doctor.Fix.CertificatePinMismatch", UiLanguage.English), tls.Fix);
    }

    [Fact]
    public async Task SelfSigned_TheFixIsAPrivateCaOrACompleteChain_WithTheCaFileRemedy()
    {
        using var cert = TestCertificateFactory.Create("localhost");
        var tls = await TlsFindingAsync(cert, target => target);
        Assert.Equal([TlsProblemKind.UntrustedRoot], tls.CertificateProblems);
        Assert.Equal(MessageCatalog.Get("Doctor.Fix.CertificateUntrusted", UiLanguage.English), tls.Fix);
        Assert.Equal([Remedy.TrustCaFile], tls.Remedies);
        Assert.StartsWith("TLS 证书被拒绝：证书链不受信任：它终止于“CN=localhost”", tls.DetailIn(UiLanguage.SimplifiedChinese), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnreadableCaFile_TheFixIsAUsableCaFile_NotTheTlsMode()
    {
        using var cert = TestCertificateFactory.Create("localhost");
        string empty = Path.Combine(_scratch, "empty.pem");
        await File.WriteAllTextAsync(empty, "no certificate here\n");
        var report = await RunAsync(cert, target => target with { CaFile = empty });
        var tls = Assert.Single(report.Findings, f => f.Check == "TLS");
        Assert.Equal($"CA file {empty}: no certificate found in the file", tls.Detail);
        Assert.Equal(MessageCatalog.Get("Doctor.Fix.CaFileUnreadable", UiLanguage.English), tls.Fix);
        Assert.Equal([Remedy.TrustCaFile], tls.Remedies);
    }

    private async Task<DoctorFinding> TlsFindingAsync(X509Certificate2 certificate, Func<ConnectOptions, ConnectOptions> target)
    {
        var report = await RunAsync(certificate, target);
        var tls = Assert.Single(report.Findings, f => f.Check == "TLS");
        Assert.Equal(FindingStatus.Fail, tls.Status);
        return tls;
    }

    private static async Task<DoctorReport> RunAsync(X509Certificate2 certificate, Func<ConnectOptions, ConnectOptions> target)
    {
        // Implicit TLS; doctor reconnects without verification after the failure, so every connection is served.
        await using var server = new ScriptedSmtpServer(async c =>
        {
            await c.StartTlsAsync(certificate);
            await c.SendAsync("220 cert.test ESMTP\r\n");
            await c.ServeAsync(line => line.StartsWith("EHLO", StringComparison.OrdinalIgnoreCase) ? "250 cert.test\r\n" : "221 bye\r\n");
        });
        var options = new ConnectOptions { Host = "127.0.0.1", Port = server.Port, Security = SecurityMode.Tls, ReplyTimeout = TimeSpan.FromSeconds(5), ConnectTimeout = TimeSpan.FromSeconds(5), EhloName = "client.test" };
        return await new SmtpDoctor(new TranscriptRecorder()).RunAsync(new DoctorOptions { Target = target(options) }).WaitAsync(TimeSpan.FromSeconds(30));
    }

    private string Pem(X509Certificate2 certificate)
    {
        string path = Path.Combine(_scratch, $"{Guid.NewGuid():N}.pem");
        File.WriteAllText(path, certificate.ExportCertificatePem() + "\n");
        return path;
    }
}
