using SmtpConsole.Core.Doctor;
using SmtpConsole.Core.Session;
using SmtpConsole.Core.Transcript;

namespace SmtpConsole.Core.Tests.Doctor;

/// <summary>
/// After a rejected certificate doctor goes on WITHOUT verification to check the rest — and it logged in there,
/// sending the real password to a peer whose identity it had just failed to verify (seen against the suite's Postfix
/// with the wrong-host certificate: "PASS Login authenticated as alice"). The login is not tried then; with
/// <c>Insecure</c> asked for by the user it still is.
/// </summary>
public class DoctorUnverifiedLoginTests
{
    private static ScriptedSmtpServer UntrustedStartTlsServer(System.Security.Cryptography.X509Certificates.X509Certificate2 cert) => new(async c =>
    {
        await c.SendAsync("220 scripted.test ESMTP\r\n");
        bool tls = false;
        while (await c.ReadLineAsync() is { } line)
        {
            string verb = line.Split(' ')[0].ToUpperInvariant();
            if (verb == "EHLO") await c.SendAsync(tls ? "250-scripted.test\r\n250 AUTH PLAIN LOGIN\r\n" : "250-scripted.test\r\n250 STARTTLS\r\n");
            else if (verb == "STARTTLS")
            {
                await c.SendAsync("220 go ahead\r\n");
                await c.StartTlsAsync(cert);
                tls = true;
            }
            else if (verb == "AUTH") await c.SendAsync("235 2.7.0 ok\r\n");
            else if (verb == "QUIT")
            {
                await c.SendAsync("221 bye\r\n");
                return;
            }
            else await c.SendAsync("250 ok\r\n");
        }
    });

    private static Task<DoctorReport> RunAsync(int port, bool insecure) => new SmtpDoctor(new TranscriptRecorder()).RunAsync(new DoctorOptions
    {
        Target = new ConnectOptions { Host = "127.0.0.1", Port = port, Security = SecurityMode.StartTls, Insecure = insecure, ReplyTimeout = TimeSpan.FromSeconds(5), EhloName = "client.test" },
        User = "alice",
        Secret = "Zq9-doctor-secret",
        PreferredMechanisms = ["PLAIN"],
    }).WaitAsync(TimeSpan.FromSeconds(30));

    [Fact]
    public async Task CertificateRejected_ContinuesUnverified_ButNeverSendsThePassword()
    {
        using var cert = ScriptedSmtpServer.CreateCertificate(); // self-signed: not trusted
        await using var server = UntrustedStartTlsServer(cert);
        var report = await RunAsync(server.Port, insecure: false);

        Assert.Contains(report.Findings, f => f.Check == "TLS" && f.Status == FindingStatus.Fail);
        var login = Assert.Single(report.Findings, f => f.Check == "Login");
        Assert.Equal(FindingStatus.Warn, login.Status);
        lock (server.Received) Assert.DoesNotContain(server.Received, l => l.StartsWith("AUTH", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task InsecureAskedFor_TheLoginIsChecked()
    {
        using var cert = ScriptedSmtpServer.CreateCertificate();
        await using var server = UntrustedStartTlsServer(cert);
        var report = await RunAsync(server.Port, insecure: true);

        Assert.Equal(FindingStatus.Pass, Assert.Single(report.Findings, f => f.Check == "Login").Status);
    }
}
