using SmtpConsole.Core.Doctor;
using SmtpConsole.Core.Messages;
using SmtpConsole.Core.Session;
using SmtpConsole.Core.Transcript;
using SmtpConsole.IntegrationTests.Infrastructure;
using SmtpConsole.IntegrationTests.Support;

namespace SmtpConsole.IntegrationTests.Doctor;

/// <summary>The doctor against the local Postfix: each broken situation is named with the right cause.</summary>
[Collection("LocalServers")]
public class DoctorTests(LocalServers servers)
{
    private ConnectOptions Target(int port, SecurityMode security, string host = "127.0.0.1") => new()
    {
        Host = host,
        Port = port,
        Security = security,
        CaFile = servers.CaFile,
        EhloName = "client.example.test",
        ReplyTimeout = TimeSpan.FromSeconds(20),
    };

    private static Task<DoctorReport> RunAsync(DoctorOptions options) => new SmtpDoctor(new TranscriptRecorder()).RunAsync(options);

    private static DoctorFinding Single(DoctorReport report, string check, FindingStatus status) =>
        Assert.Single(report.Findings, f => f.Check == check && f.Status == status);

    [Fact]
    public async Task GoodLogin_AllPass_AndProbeSendsNothing()
    {
        var report = await RunAsync(new DoctorOptions { Target = Target(servers.Ports.Submission, SecurityMode.StartTls), User = servers.Alice.Address, Secret = servers.Alice.Password, RcptTo = servers.Bob.Address });
        Assert.False(report.Failed, string.Join('\n', report.Findings));
        Single(report, "Login", FindingStatus.Pass);
        Single(report, "RCPT TO", FindingStatus.Pass);
        Single(report, "EHLO before TLS", FindingStatus.Pass);
        Single(report, "EHLO after TLS", FindingStatus.Pass);
    }

    [Fact]
    public async Task WrongPassword_LoginFailsWith535()
    {
        var report = await RunAsync(new DoctorOptions { Target = Target(servers.Ports.Submission, SecurityMode.StartTls), User = servers.Alice.Name, Secret = "wrong" });
        var login = Single(report, "Login", FindingStatus.Fail);
        Assert.Contains("535 5.7.8", login.Detail);
        Assert.DoesNotContain("wrong", login.Detail.Replace("wrong password", string.Empty, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task AuthBeforeTls_SaysAuthAppearsAfterStartTls()
    {
        var report = await RunAsync(new DoctorOptions { Target = Target(servers.Ports.Submission, SecurityMode.Plain), User = servers.Alice.Name, Secret = servers.Alice.Password });
        var auth = Single(report, "AUTH", FindingStatus.Fail);
        Assert.Contains("after STARTTLS", auth.Detail);
        // The engine says the step in SMTP terms and names the remedy; the command line adds its flags (DoctorFixText).
        Assert.Contains("connect with STARTTLS (port 587) or implicit TLS (port 465)", auth.Fix);
        Assert.Equal([Remedy.ChooseTlsMode], auth.Remedies);
    }

    [Fact]
    public async Task WrongHostCertificate_NamesTheMismatch()
    {
        var report = await RunAsync(new DoctorOptions { Target = Target(servers.Ports.SmtpsWrongHost, SecurityMode.Tls, "localhost") });
        var tls = Single(report, "TLS", FindingStatus.Fail);
        Assert.Contains("host name mismatch", tls.Detail);
        Assert.Contains("wrong.example", tls.Detail);
        Assert.Equal([TlsProblemKind.NameMismatch], tls.CertificateProblems);
        Assert.StartsWith("connect with a host name the certificate is for", tls.Fix, StringComparison.Ordinal);
        Assert.Empty(tls.Remedies);
    }

    [Fact]
    public async Task ExpiredCertificate_NamesTheExpiry()
    {
        var report = await RunAsync(new DoctorOptions { Target = Target(servers.Ports.SmtpsExpired, SecurityMode.Tls, "localhost") });
        var tls = Single(report, "TLS", FindingStatus.Fail);
        Assert.Contains("expired", tls.Detail);
        Assert.Contains("renew", tls.Fix);
        Assert.Equal([TlsProblemKind.Expired], tls.CertificateProblems);
        Assert.Equal([Remedy.AcceptUnverifiedCertificate], tls.Remedies);
    }

    [Fact]
    public async Task TestCaCertificate_WithoutCaFile_IsAnIncompleteChain_AndTheFixIsTheCaFile()
    {
        var report = await RunAsync(new DoctorOptions { Target = Target(servers.Ports.Submission, SecurityMode.StartTls) with { CaFile = null } });
        var tls = Single(report, "TLS", FindingStatus.Fail);
        Assert.Equal([TlsProblemKind.IncompleteChain], tls.CertificateProblems);
        Assert.StartsWith("TLS certificate rejected: incomplete chain", tls.Detail, StringComparison.Ordinal);
        Assert.StartsWith("if this is a private or test CA, trust its CA certificate", tls.Fix, StringComparison.Ordinal);
        Assert.Equal([Remedy.TrustCaFile], tls.Remedies);
        Assert.DoesNotContain("--", tls.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClosedPort_IsAConnectionFailure()
    {
        var report = await RunAsync(new DoctorOptions { Target = Target(2599, SecurityMode.Plain) });
        Assert.True(report.ConnectionFailed);
        Assert.Contains("refused", Single(report, "TCP connect", FindingStatus.Fail).Detail);
    }

    [Fact]
    public async Task PlaintextAuthPort_WarnsAboutCredentialsInClear()
    {
        var report = await RunAsync(new DoctorOptions { Target = Target(servers.Ports.SubmissionPlainAuth, SecurityMode.Plain) });
        Single(report, "AUTH over plaintext", FindingStatus.Warn);
    }
}
