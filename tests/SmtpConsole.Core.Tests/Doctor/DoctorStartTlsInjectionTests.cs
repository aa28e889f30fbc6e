using SmtpConsole.Core.Doctor;
using SmtpConsole.Core.Session;
using SmtpConsole.Core.Transcript;

namespace SmtpConsole.Core.Tests.Doctor;

/// <summary>
/// A server (or something in between) that sends plaintext after STARTTLS's 220 and before the handshake
/// (CVE-2011-0411 class): the session discards the bytes with a warning, but doctor reported every check PASS and
/// "no failures". What was seen on the wire is a FAIL now — in the STARTTLS target and in the plain target's probe.
/// </summary>
public class DoctorStartTlsInjectionTests
{
    private static ScriptedSmtpServer InjectingServer(System.Security.Cryptography.X509Certificates.X509Certificate2 cert, bool authBeforeTls) => new(async c =>
    {
        await c.SendAsync("220 scripted.test ESMTP\r\n");
        Assert.StartsWith("EHLO", await c.ReadLineAsync());
        await c.SendAsync(authBeforeTls ? "250-scripted.test\r\n250-AUTH PLAIN\r\n250 STARTTLS\r\n" : "250-scripted.test\r\n250 STARTTLS\r\n");
        Assert.Equal("STARTTLS", await c.ReadLineAsync());
        await c.SendAsync("220 2.0.0 Ready to start TLS\r\n250-forged\r\n250 AUTH PLAIN\r\n");
        await c.StartTlsAsync(cert);
        await c.ServeAsync(line => line.StartsWith("EHLO", StringComparison.OrdinalIgnoreCase) ? "250-secure.test\r\n250 AUTH PLAIN\r\n"
            : line.StartsWith("QUIT", StringComparison.OrdinalIgnoreCase) ? "221 bye\r\n" : "250 ok\r\n");
    });

    [Theory]
    [InlineData(SecurityMode.StartTls)]
    [InlineData(SecurityMode.Plain)]
    public async Task PlaintextAfterThe220_IsAFailure_NeverAllPass(SecurityMode mode)
    {
        using var cert = ScriptedSmtpServer.CreateCertificate();
        await using var server = InjectingServer(cert, authBeforeTls: false);
        var report = await new SmtpDoctor(new TranscriptRecorder()).RunAsync(new DoctorOptions
        {
            Target = new ConnectOptions { Host = "127.0.0.1", Port = server.Port, Security = mode, Insecure = true, ReplyTimeout = TimeSpan.FromSeconds(5), EhloName = "client.test" },
        }).WaitAsync(TimeSpan.FromSeconds(30));
        var injected = Assert.Single(report.Findings, f => f.Check == "STARTTLS" && f.Status == FindingStatus.Fail);
        Assert.Contains("250-forged", injected.Detail, StringComparison.Ordinal);
        Assert.Contains("CVE-2011-0411", injected.Fix!, StringComparison.Ordinal);
    }
}
