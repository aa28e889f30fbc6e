using SmtpConsole.Core.Doctor;
using SmtpConsole.Core.Session;
using SmtpConsole.Core.Transcript;

namespace SmtpConsole.Core.Tests.Doctor;

/// <summary>The doctor against in-process servers; the real-server runs are in the integration tests.</summary>
public class SmtpDoctorTests
{
    private static DoctorOptions Options(int port, bool allowPlaintextAuth = false) => new()
    {
        Target = new ConnectOptions { Host = "127.0.0.1", Port = port, Security = SecurityMode.Plain, ReplyTimeout = TimeSpan.FromSeconds(5), EhloName = "client.test" },
        User = MiniSmtp.User,
        Secret = MiniSmtp.Password,
        AllowPlaintextAuth = allowPlaintextAuth,
        PreferredMechanisms = ["LOGIN"], // MiniSmtp speaks AUTH LOGIN only
    };

    [Fact]
    public async Task RunAsync_ServerWithoutStartTls_WarnsAndNeverSendsTheSecretInClear()
    {
        await using var server = new ScriptedSmtpServer(c => MiniSmtp.ServeAsync(c));
        var report = await new SmtpDoctor(new TranscriptRecorder()).RunAsync(Options(server.Port));

        Assert.Contains(report.Findings, f => f is { Check: "Greeting", Status: FindingStatus.Pass });
        Assert.Contains(report.Findings, f => f is { Check: "AUTH over plaintext", Status: FindingStatus.Warn });
        Assert.Contains(report.Findings, f => f.Check == "STARTTLS" && f.Status is FindingStatus.Warn or FindingStatus.Fail);
        Assert.Contains(report.Findings, f => f is { Check: "Login", Status: FindingStatus.Warn });
        Assert.DoesNotContain(server.Received, l => l.StartsWith("AUTH", StringComparison.OrdinalIgnoreCase));
        Assert.Empty(server.Failures);
    }

    [Fact]
    public async Task RunAsync_PlaintextLoginAllowed_ReportsWhatTheServerAnswered()
    {
        await using var server = new ScriptedSmtpServer(c => MiniSmtp.ServeAsync(c));
        var report = await new SmtpDoctor(new TranscriptRecorder()).RunAsync(Options(server.Port, allowPlaintextAuth: true));

        Assert.Contains(report.Findings, f => f.Check == "Login" && f.Status == FindingStatus.Pass && f.Detail.Contains(MiniSmtp.User, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_NothingListening_FailsTheConnection()
    {
        int port;
        await using (var closed = new ScriptedSmtpServer(_ => Task.CompletedTask)) port = closed.Port;
        var report = await new SmtpDoctor(new TranscriptRecorder()).RunAsync(Options(port));

        Assert.True(report.ConnectionFailed);
        Assert.Contains(report.Findings, f => f is { Check: "TCP connect", Status: FindingStatus.Fail });
    }
}
