using System.Globalization;
using System.Text.RegularExpressions;
using SmtpConsole.Core.Doctor;
using SmtpConsole.Core.Session;
using SmtpConsole.Core.Transcript;
using SmtpConsole.IntegrationTests.Infrastructure;
using SmtpConsole.IntegrationTests.Support;

namespace SmtpConsole.IntegrationTests.Doctor;

/// <summary>
/// The doctor claims only what it saw (issue 14): no pass when a login is impossible as configured, a silent
/// implicit-TLS port named as such, and connect times without the wait for a greeting. Against the real Postfix.
/// </summary>
[Collection("LocalServers")]
public partial class HonestDoctorTests(LocalServers servers)
{
    private ConnectOptions Target(int port, SecurityMode security) => new()
    {
        Host = "127.0.0.1",
        Port = port,
        Security = security,
        CaFile = servers.CaFile,
        EhloName = "client.example.test",
        ReplyTimeout = TimeSpan.FromSeconds(20),
    };

    private static Task<DoctorReport> RunAsync(DoctorOptions options) => new SmtpDoctor(new TranscriptRecorder()).RunAsync(options);

    private static string Dump(DoctorReport report) => string.Join('\n', report.Findings);

    [Fact]
    public async Task StartTlsOnlySubmission_WithoutStartTls_ProbesTls_AndNeverPasses()
    {
        var report = await RunAsync(new DoctorOptions { Target = Target(servers.Ports.Submission, SecurityMode.Plain) });
        Assert.True(report.Failed, Dump(report));
        var probe = Assert.Single(report.Findings, f => f.Check == "EHLO after TLS (probe)");
        Assert.Contains("AUTH PLAIN", probe.Detail, StringComparison.Ordinal);
        var auth = Assert.Single(report.Findings, f => f.Check == "AUTH");
        Assert.Equal(FindingStatus.Fail, auth.Status);
        Assert.Contains("impossible as configured", auth.Detail, StringComparison.Ordinal);
        Assert.Contains(report.Findings, f => f.Check == "TLS" && f.Status == FindingStatus.Pass);
    }

    [Fact]
    public async Task MtaPort_WithoutStartTls_SaysNoAuthEvenAfterTls()
    {
        var report = await RunAsync(new DoctorOptions { Target = Target(servers.Ports.Smtp, SecurityMode.Plain) });
        var probe = Assert.Single(report.Findings, f => f.Check == "EHLO after TLS (probe)");
        Assert.StartsWith("no AUTH", probe.Detail, StringComparison.Ordinal);
        var auth = Assert.Single(report.Findings, f => f.Check == "AUTH");
        Assert.Equal(FindingStatus.Warn, auth.Status);
        Assert.Contains("no AUTH before or after STARTTLS", auth.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MtaPort_WithAUserButNoStartTls_FailsTheLogin()
    {
        var report = await RunAsync(new DoctorOptions { Target = Target(servers.Ports.Smtp, SecurityMode.Plain), User = servers.Alice.Name, Secret = servers.Alice.Password });
        Assert.True(report.Failed, Dump(report));
        Assert.Single(report.Findings, f => f.Check == "AUTH" && f.Status == FindingStatus.Fail);
        Assert.DoesNotContain(report.Findings, f => f.Check == "Login" && f.Status == FindingStatus.Pass);
    }

    [Fact]
    public async Task ImplicitTlsPort_WithoutTls_IsNamed_AndConnectTimeExcludesTheWait()
    {
        var report = await RunAsync(new DoctorOptions { Target = Target(servers.Ports.Smtps, SecurityMode.Plain) });
        var greeting = Assert.Single(report.Findings, f => f.Check == "Greeting");
        Assert.Equal(FindingStatus.Fail, greeting.Status);
        Assert.Contains("speaks implicit TLS", greeting.Detail, StringComparison.Ordinal);
        Assert.Contains("implicit TLS", greeting.Fix, StringComparison.Ordinal);
        Assert.Equal([Core.Messages.Remedy.UseImplicitTls], greeting.Remedies);
        var connect = Assert.Single(report.Findings, f => f.Check == "TCP connect");
        int ms = int.Parse(Milliseconds().Match(connect.Detail).Groups[1].Value, CultureInfo.InvariantCulture);
        // The doctor waits 2 s for a plain greeting; a connect time that includes that wait is the bug.
        Assert.True(ms < 1500, connect.Detail);
    }

    [Fact]
    public async Task Cli_PositionalPort_AndMisplacedCommand()
    {
        string port = servers.Ports.Submission.ToString(CultureInfo.InvariantCulture);
        var positional = await AppProcess.RunAsync(["doctor", "127.0.0.1", port, "--starttls", "--cafile", servers.CaFile]);
        Assert.Equal(0, positional.ExitCode);
        Assert.Contains($"127.0.0.1:{port}", positional.StandardOutput, StringComparison.Ordinal);

        var plain = await AppProcess.RunAsync(["doctor", "127.0.0.1", port, "--cafile", servers.CaFile]);
        Assert.NotEqual(0, plain.ExitCode);
        Assert.DoesNotContain("no failures", plain.StandardOutput, StringComparison.Ordinal);

        var help = await AppProcess.RunAsync(["doctor", "--help"]);
        Assert.Contains("smtpconsole doctor [<HOST> [<PORT>]]", help.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("]] doctor", help.StandardOutput, StringComparison.Ordinal);

        var misplaced = await AppProcess.RunAsync(["127.0.0.1", port, "doctor"]);
        Assert.Equal(2, misplaced.ExitCode);
        Assert.Contains($"did you mean: smtpconsole doctor 127.0.0.1 {port}", misplaced.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cli_ReplayTakesHostAndPortPositionally()
    {
        string script = Path.Combine(Path.GetTempPath(), $"positional-{Guid.NewGuid():N}.smtp");
        await File.WriteAllTextAsync(script, "EHLO client.example.test\n/expect 250\nQUIT\n");
        try
        {
            var result = await AppProcess.RunAsync(["replay", script, "127.0.0.1", servers.Ports.Smtp.ToString(CultureInfo.InvariantCulture), "--plain"]);
            Assert.True(result.ExitCode == 0, result.StandardOutput + result.StandardError);
            Assert.Contains("S: 250", result.StandardOutput, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(script);
        }
    }

    [GeneratedRegex(@"in (\d+) ms")]
    private static partial Regex Milliseconds();
}
