using SmtpConsole.Core.Doctor;
using SmtpConsole.Core.Session;
using SmtpConsole.Core.Transcript;

namespace SmtpConsole.Core.Tests.Doctor;

/// <summary>A server that says 235 to "AUTH LOGIN" before asking for anything: not a PASS, and not "check the password".</summary>
public class DoctorUnearnedLoginTests
{
    [Fact]
    public async Task Login235BeforeThePassword_FailsWithAFixAboutTheServer_NotTheCredentials()
    {
        await using var server = new ScriptedSmtpServer(async c =>
        {
            await c.SendAsync("220 scripted.test ESMTP\r\n");
            await c.ServeAsync(line => line.StartsWith("EHLO", StringComparison.OrdinalIgnoreCase) ? "250-scripted.test\r\n250 AUTH LOGIN\r\n"
                : line.StartsWith("AUTH", StringComparison.OrdinalIgnoreCase) ? "235 2.7.0 ok\r\n"
                : line.StartsWith("QUIT", StringComparison.OrdinalIgnoreCase) ? "221 bye\r\n" : "250 ok\r\n");
        });
        var report = await new SmtpDoctor(new TranscriptRecorder()).RunAsync(new DoctorOptions
        {
            Target = new ConnectOptions { Host = "127.0.0.1", Port = server.Port, Security = SecurityMode.Plain, ReplyTimeout = TimeSpan.FromSeconds(5), EhloName = "client.test" },
            User = "alice",
            Secret = "not-checked",
            AllowPlaintextAuth = true,
            PreferredMechanisms = ["LOGIN"],
        }).WaitAsync(TimeSpan.FromSeconds(30));

        var login = Assert.Single(report.Findings, f => f.Check == "Login");
        Assert.Equal(FindingStatus.Fail, login.Status);
        Assert.DoesNotContain("check the user name and password", login.Fix!, StringComparison.Ordinal);
        Assert.Contains("says nothing about the credentials", login.Fix!, StringComparison.Ordinal);
        Assert.DoesNotContain(server.Received, l => l.Contains("bm90LWNoZWNrZWQ", StringComparison.Ordinal)); // the secret never went out
    }
}
