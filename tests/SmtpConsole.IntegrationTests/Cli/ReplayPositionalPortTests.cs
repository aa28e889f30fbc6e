using System.Globalization;
using SmtpConsole.IntegrationTests.Infrastructure;
using SmtpConsole.IntegrationTests.Support;

namespace SmtpConsole.IntegrationTests.Cli;

/// <summary>
/// <c>replay FILE HOST PORT</c> names the port as <c>--port</c> does. With a script that has its own
/// <c>/connect HOST PORT</c> (every saved transcript), the PORT argument was ignored: the run went to the recorded
/// port, said "goes to … as given on the command line", and judged the wrong server (exit 0 against smtp-server for a
/// run asked of aiosmtpd).
/// </summary>
[Collection("LocalServers")]
public class ReplayPositionalPortTests(LocalServers servers)
{
    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

    public static TheoryData<bool> ByArgument => [true, false];

    [Theory]
    [MemberData(nameof(ByArgument))]
    public async Task PortArgument_OverridesTheScriptsConnectPort_LikePortOption(bool positional)
    {
        string script = Path.Combine(Path.GetTempPath(), $"positional-{Guid.NewGuid():N}.smtp");
        await File.WriteAllTextAsync(script, $"/connect {servers.Host} {Port(servers.Ports.SmtpServer)} --plain\nEHLO client.example.test\nQUIT\n");
        string[] target = positional ? [servers.Host, Port(servers.Ports.Aiosmtpd)] : ["--host", servers.Host, "--port", Port(servers.Ports.Aiosmtpd)];

        var result = await AppProcess.RunAsync(["replay", script, .. target]);

        Assert.True(result.ExitCode == 0, result.StandardOutput + result.StandardError);
        Assert.Contains($"connected to {servers.Host}:{Port(servers.Ports.Aiosmtpd)}", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("aiosmtpd", result.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("nodemailer", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HostArgumentAlone_KeepsTheScriptsPort()
    {
        // Documented: without a port the saved port stays (only the address changes).
        string script = Path.Combine(Path.GetTempPath(), $"positional-{Guid.NewGuid():N}.smtp");
        await File.WriteAllTextAsync(script, $"/connect 192.0.2.1 {Port(servers.Ports.SmtpServer)} --plain\nQUIT\n");
        var result = await AppProcess.RunAsync(["replay", script, servers.Host]);
        Assert.True(result.ExitCode == 0, result.StandardOutput + result.StandardError);
        Assert.Contains($"connected to {servers.Host}:{Port(servers.Ports.SmtpServer)}", result.StandardOutput, StringComparison.Ordinal);
    }
}
