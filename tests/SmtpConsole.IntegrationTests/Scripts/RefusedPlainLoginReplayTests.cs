using System.Globalization;
using System.Text;
using SmtpConsole.IntegrationTests.Infrastructure;
using SmtpConsole.IntegrationTests.Support;

namespace SmtpConsole.IntegrationTests.Scripts;

/// <summary>
/// A hand-typed AUTH PLAIN the server refused, saved and replayed headless. The transcript hides the whole response
/// (user and secret), and replay asked for <c>${USER}</c> (exit 2 without <c>--var USER</c>) although a refused login
/// replays with a random wrong secret that needs no value. Now it replays as recorded, against each server that can
/// refuse it: Postfix/Dovecot, nodemailer's smtp-server and aiosmtpd.
/// </summary>
[Collection("LocalServers")]
public class RefusedPlainLoginReplayTests(LocalServers servers)
{
    public static TheoryData<string> Servers => ["postfix", "smtp-server", "aiosmtpd"];

    [Theory]
    [MemberData(nameof(Servers))]
    public async Task RefusedHandTypedPlainLogin_ReplaysWithoutAnyVariable(string server)
    {
        int port = server switch { "postfix" => servers.Ports.Submission, "smtp-server" => servers.Ports.SmtpServer, _ => servers.Ports.Aiosmtpd };
        string wrong = Convert.ToBase64String(Encoding.UTF8.GetBytes($"\0{servers.Alice.Name}\0not-her-password"));
        string tag = Guid.NewGuid().ToString("N");
        string script = Path.Combine(Path.GetTempPath(), $"refused-{tag}.smtp");
        string transcript = Path.Combine(Path.GetTempPath(), $"refused-{tag}.txt");
        await File.WriteAllTextAsync(script, $"EHLO client.example.test\nAUTH PLAIN {wrong}\n/expect 535\nQUIT\n");
        string[] target = [servers.Host, port.ToString(CultureInfo.InvariantCulture), "--starttls", "--cafile", servers.CaFile];

        var record = await AppProcess.RunAsync(["replay", script, .. target, "--transcript", transcript]);
        Assert.True(record.ExitCode == 0, record.StandardOutput + record.StandardError);
        Assert.DoesNotContain("not-her-password", await File.ReadAllTextAsync(transcript), StringComparison.Ordinal);

        var replay = await AppProcess.RunAsync(["replay", transcript, "--cafile", servers.CaFile], standardInput: "");
        Assert.True(replay.ExitCode == 0, replay.StandardOutput + replay.StandardError);
        Assert.Contains("535 matches 535", replay.StandardOutput, StringComparison.Ordinal);
    }
}
