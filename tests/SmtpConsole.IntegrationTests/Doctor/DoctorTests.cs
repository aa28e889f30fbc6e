using SmtpConsole.Core.Doctor;
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
        Assert.Contains("--starttls", auth.Fix);
    }

    [Fact]
    public async Task WrongHostCertificate_NamesTheMismatch()
    {
        var report = await RunAsync(new DoctorOptions { Target = Target(servers.Ports.SmtpsWrongHost, SecurityMode.Tls, "localhost") });
        var tls = Single(report, "TLS", FindingStatus.Fail);
        Assert.Contains("host name mismatch", tls.Detail);
        Assert.Contains("wrong.example", tls.Detail);
    }

    [Fact]
    public async Task ExpiredCertificate_NamesTheExpiry()
    {
        var report = await RunAsync(new DoctorOptions { Target = Target(servers.Ports.SmtpsExpired, SecurityMode.Tls, "localhost") });
        var tls = Single(report, "TLS", FindingStatus.Fail);
        Assert.Contains("expired", tls.Detail);
        Assert.Contains("renew", tls.Fix);
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
