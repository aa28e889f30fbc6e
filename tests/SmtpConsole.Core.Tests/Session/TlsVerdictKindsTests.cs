using System.Security.Cryptography.X509Certificates;
using SmtpConsole.Core.Messages;
using SmtpConsole.Core.Session;
using SmtpConsole.Core.Transcript;
using SmtpConsole.Testing;

namespace SmtpConsole.Core.Tests.Session;

/// <summary>
/// A rejected certificate is judged into problem kinds with their values (not sentences), from real handshakes with
/// an in-process server: expired, not yet valid, wrong name, self-signed, missing intermediate, a wrong CA file and a
/// pinned mismatch; the trust basis is a kind too, and the texts built from them name no command-line flag.
/// </summary>
public sealed class TlsVerdictKindsTests : IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("tls-kinds-").FullName;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    [Fact]
    public async Task Expired_WithItsOwnCaFile_IsOnlyExpired_WithTheEndDate()
    {
        var notAfter = DateTimeOffset.UtcNow.AddDays(-2);
        using var cert = TestCertificateFactory.Create("localhost", DateTimeOffset.UtcNow.AddDays(-30), notAfter);
        var (verdict, result, _) = await ConnectAsync(cert, caFile: Pem(cert));
        Assert.Equal(CommandFailure.TlsFailed, result.Failure);
        var problem = Assert.Single(verdict.Problems);
        Assert.Equal(TlsProblemKind.Expired, problem.Kind);
        Assert.Equal(notAfter.UtcDateTime, problem.When!.Value, TimeSpan.FromSeconds(1));
        Assert.Equal(TlsTrustBasis.CaFile, verdict.TrustBasis);
        Assert.Equal(Remedy.None, verdict.Remedy);
        Assert.Equal($"TLS certificate rejected: the certificate expired on {notAfter.UtcDateTime:yyyy-MM-dd HH:mm} UTC", result.Message);
    }

    [Fact]
    public async Task NotYetValid_IsNotYetValid_WithTheStartDate()
    {
        var notBefore = DateTimeOffset.UtcNow.AddDays(3);
        using var cert = TestCertificateFactory.Create("localhost", notBefore, DateTimeOffset.UtcNow.AddDays(30));
        var (verdict, _, _) = await ConnectAsync(cert, caFile: Pem(cert));
        var problem = Assert.Single(verdict.Problems);
        Assert.Equal(TlsProblemKind.NotYetValid, problem.Kind);
        Assert.Equal(notBefore.UtcDateTime, problem.When!.Value, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task WrongName_IsNameMismatch_WithTheCertificatesNamesAndTheHost()
    {
        using var cert = TestCertificateFactory.Create("other.test");
        var (verdict, _, _) = await ConnectAsync(cert, caFile: Pem(cert));
        var problem = Assert.Single(verdict.Problems);
        Assert.Equal(TlsProblemKind.NameMismatch, problem.Kind);
        Assert.Equal("DNS:other.test", problem.ValidFor);
        Assert.Equal("127.0.0.1", problem.Host);
        Assert.Equal("主机名不匹配：证书签发给 DNS:other.test，而不是“127.0.0.1”", TlsProblemWording.Describe(problem, UiLanguage.SimplifiedChinese));
    }

    [Fact]
    public async Task SelfSigned_WithoutCaFile_IsUntrustedRoot_NamingTheRoot_AndTheRemedyIsACaFile()
    {
        using var cert = TestCertificateFactory.Create("localhost");
        var (verdict, result, h) = await ConnectAsync(cert);
        var problem = Assert.Single(verdict.Problems);
        Assert.Equal(TlsProblemKind.UntrustedRoot, problem.Kind);
        Assert.Equal("CN=localhost", problem.RootSubject);
        Assert.Equal(TlsTrustBasis.SystemStore, verdict.TrustBasis);
        Assert.Equal(Remedy.TrustCaFile, verdict.Remedy);
        Assert.Equal(Remedy.TrustCaFile, result.Remedy);
        // The transcript's error carries the remedy for each front end to word; its text names no flag.
        var error = Assert.Single(h.Sink.OfKind(TranscriptEventKind.Error));
        Assert.Equal(Remedy.TrustCaFile, error.Remedy);
        Assert.Equal("TLS certificate rejected: untrusted chain: it ends at \"CN=localhost\", which is not a trusted CA (self-signed or private CA)", error.Text);
        // JSON (English, for tools) carries the kinds and the remedy key beside the sentence.
        using var json = System.Text.Json.JsonDocument.Parse(TranscriptJsonFormat.ToJson(error));
        Assert.Equal(["UntrustedRoot"], json.RootElement.GetProperty("certificateProblems").EnumerateArray().Select(k => k.GetString()));
        Assert.Equal("TrustCaFile", json.RootElement.GetProperty("remedy").GetString());
    }

    [Fact]
    public async Task MissingIntermediate_IsIncompleteChain_EvenWithTheRightRootAsCaFile()
    {
        var (root, intermediate, server) = TestCertificateFactory.CreateChain();
        using (root)
        using (intermediate)
        using (server)
        {
            var (verdict, _, _) = await ConnectAsync(server, caFile: Pem(root));
            Assert.Equal(TlsProblemKind.IncompleteChain, Assert.Single(verdict.Problems).Kind);
            Assert.Equal(TlsTrustBasis.CaFile, verdict.TrustBasis);
            Assert.Equal(Remedy.TrustCaFile, verdict.Remedy);

            // The intermediate as well in the CA file completes the chain: verified, via that file.
            string both = Path.Combine(_scratch, "root-and-intermediate.pem");
            await File.WriteAllTextAsync(both, root.ExportCertificatePem() + "\n" + intermediate.ExportCertificatePem() + "\n");
            var (complete, ok, h) = await ConnectAsync(server, caFile: both);
            Assert.True(ok.Succeeded, h.Dump());
            Assert.Empty(complete.Problems);
            Assert.Equal(TlsTrustBasis.CaFile, complete.TrustBasis);
            Assert.Equal(both, complete.CaFile);
            Assert.Contains(h.Sink.OfKind(TranscriptEventKind.Tls), e => e.Text == $"certificate verified (trusted via the CA file {both})");
        }
    }

    [Fact]
    public async Task WrongCaFile_IsJudgedAgainstThatFile()
    {
        using var cert = TestCertificateFactory.Create("localhost");
        using var other = TestCertificateFactory.Create("other-ca.test");
        var (verdict, _, _) = await ConnectAsync(cert, caFile: Pem(other));
        Assert.Equal(TlsProblemKind.UntrustedRoot, Assert.Single(verdict.Problems).Kind);
        Assert.Equal(TlsTrustBasis.CaFile, verdict.TrustBasis);
        Assert.False(verdict.Accepted);
    }

    [Fact]
    public async Task PinnedMismatch_IsPinMismatch_AndTheRightPinIsThePracticePin()
    {
        using var cert = TestCertificateFactory.Create("localhost");
        using var pinned = TestCertificateFactory.Create("localhost");
        var (verdict, _, _) = await ConnectAsync(cert, pinned: pinned);
        Assert.Equal(TlsProblemKind.PinMismatch, Assert.Single(verdict.Problems).Kind);
        Assert.Equal(TlsTrustBasis.Pinned, verdict.TrustBasis);

        var (same, ok, _) = await ConnectAsync(cert, pinned: cert);
        Assert.True(ok.Succeeded);
        Assert.Equal(TlsTrustBasis.PracticePin, same.TrustBasis);
    }

    [Fact]
    public async Task Insecure_AcceptsWithTheProblemsKept_AndSaysSoWithoutAFlag()
    {
        using var cert = TestCertificateFactory.Create("other.test");
        var (verdict, ok, h) = await ConnectAsync(cert, insecure: true);
        Assert.True(ok.Succeeded, h.Dump());
        Assert.True(verdict.Accepted);
        Assert.Equal(TlsTrustBasis.Insecure, verdict.TrustBasis);
        Assert.Equal([TlsProblemKind.NameMismatch, TlsProblemKind.UntrustedRoot], verdict.Problems.Select(p => p.Kind));
        var warnings = h.Sink.OfKind(TranscriptEventKind.Warn).Select(e => e.Text).ToList();
        Assert.All(warnings, w => Assert.DoesNotContain("--", w, StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.StartsWith("certificate NOT verified, accepted because of verification switched off (as asked): host name mismatch", StringComparison.Ordinal));
        var accepted = Assert.Single(h.Sink.OfKind(TranscriptEventKind.Warn), e => e.CertificateProblems is not null);
        Assert.Equal([TlsProblemKind.NameMismatch, TlsProblemKind.UntrustedRoot], accepted.CertificateProblems!);
    }

    [Fact]
    public async Task MissingCaFile_NamesTheFile_NotTheFlag_AndTheRemedyIsACaFile()
    {
        using var cert = TestCertificateFactory.Create("localhost");
        string missing = Path.Combine(_scratch, "missing.pem");
        var (_, result, _) = await ConnectAsync(cert, caFile: missing, expectVerdict: false);
        Assert.Equal(CommandFailure.TlsFailed, result.Failure);
        Assert.Equal($"CA file {missing}: file not found", result.Message);
        Assert.Equal(Remedy.TrustCaFile, result.Remedy);

        string notPem = Path.Combine(_scratch, "not.pem");
        await File.WriteAllTextAsync(notPem, "hello\n");
        var (_, empty, _) = await ConnectAsync(cert, caFile: notPem, expectVerdict: false);
        Assert.Equal($"CA file {notPem}: no certificate found in the file", empty.Message);
    }

    [Fact]
    public void EveryKind_IsWordedInBothLanguages_AndNamesNoFlag()
    {
        foreach (var kind in Enum.GetValues<TlsProblemKind>())
        {
            var problem = new TlsProblem(kind) { Host = "h.test", ValidFor = "DNS:x.test", When = new DateTime(2026, 1, 2, 3, 4, 0, DateTimeKind.Utc), RootSubject = "CN=Root", Detail = "Cyclic: a cycle" };
            string english = TlsProblemWording.Describe(problem, UiLanguage.English);
            string chinese = TlsProblemWording.Describe(problem, UiLanguage.SimplifiedChinese);
            Assert.DoesNotContain("--", english, StringComparison.Ordinal);
            Assert.DoesNotContain("--", chinese, StringComparison.Ordinal);
            if (kind != TlsProblemKind.Other) Assert.Contains(chinese, c => c >= 0x4E00 && c <= 0x9FFF);
        }
        foreach (var basis in Enum.GetValues<TlsTrustBasis>())
        {
            var verdict = new TlsVerdict(true, [], basis) { CaFile = "ca.pem" };
            Assert.DoesNotContain("--", TlsProblemWording.TrustBasis(verdict, UiLanguage.English), StringComparison.Ordinal);
            Assert.Contains(TlsProblemWording.TrustBasis(verdict, UiLanguage.SimplifiedChinese), c => c >= 0x4E00 && c <= 0x9FFF);
        }
    }

    private string Pem(X509Certificate2 certificate)
    {
        string path = Path.Combine(_scratch, $"{Guid.NewGuid():N}.pem");
        File.WriteAllText(path, certificate.ExportCertificatePem() + "\n");
        return path;
    }

    /// <summary>An implicit-TLS handshake with a server presenting <paramref name="certificate"/>; the session's verdict and result.</summary>
    private static async Task<(TlsVerdict Verdict, CommandResult Result, SessionHarness Harness)> ConnectAsync(
        X509Certificate2 certificate, string? caFile = null, X509Certificate2? pinned = null, bool insecure = false, bool expectVerdict = true)
    {
        await using var server = new ScriptedSmtpServer(async c =>
        {
            await c.StartTlsAsync(certificate);
            await c.SendAsync("220 ready\r\n");
            await c.WaitForCloseAsync(TimeSpan.FromSeconds(5));
        });
        var h = new SessionHarness(server.Port, insecure: insecure);
        var result = await h.Session.ConnectAsync(h.Options with { Security = SecurityMode.Tls, CaFile = caFile, PinnedCertificate = pinned });
        var verdict = h.Session.CertificateVerdict;
        await h.DisposeAsync();
        if (expectVerdict) Assert.True(verdict is not null, h.Dump());
        return (verdict!, result, h);
    }
}
