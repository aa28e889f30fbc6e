using SmtpConsole.IntegrationTests.Infrastructure;
using SmtpConsole.IntegrationTests.Support;

namespace SmtpConsole.IntegrationTests.Cli;

/// <summary>
/// The normal STARTTLS path against the real Postfix, each way a user asks for it: the hostile cases (a non-220
/// answer ends the run with exit 3) live in the Core hostile suite; this is the proof the strict check lets a real
/// server's 220 through.
/// </summary>
[Collection("LocalServers")]
public class StartTlsReplayTests(LocalServers servers)
{
    public static TheoryData<string, string> Ways() => new()
    {
        { "--starttls", "NOOP\nQUIT\n" },
        { "--plain", "/ehlo client.example.test\n/starttls\n/ehlo client.example.test\nNOOP\nQUIT\n" },
        { "--plain", "EHLO client.example.test\nSTARTTLS\nEHLO client.example.test\nNOOP\nQUIT\n" },
        { "--plain", "EHLO client.example.test\n\tSTARTTLS \nEHLO client.example.test\nNOOP\nQUIT\n" },
    };

    [Theory]
    [MemberData(nameof(Ways))]
    public async Task Replay_StartTlsAgainstPostfix_TlsUpAndExitZero(string mode, string script)
    {
        string path = Path.Combine(Path.GetTempPath(), $"starttls-{Guid.NewGuid():N}.smtp");
        await File.WriteAllTextAsync(path, script);
        try
        {
            var result = await AppProcess.RunAsync(["replay", path, "--host", servers.Host, "--port", servers.Ports.Smtp.ToString(System.Globalization.CultureInfo.InvariantCulture), mode, "--cafile", servers.CaFile]);

            Assert.True(result.ExitCode == 0, result.StandardOutput + result.StandardError);
            Assert.Contains("TLS established", result.StandardOutput);
            Assert.DoesNotContain("STARTTLS failed", result.StandardOutput);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
