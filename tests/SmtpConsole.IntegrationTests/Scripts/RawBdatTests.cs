using System.Globalization;
using SmtpConsole.IntegrationTests.Infrastructure;
using SmtpConsole.IntegrationTests.Support;

namespace SmtpConsole.IntegrationTests.Scripts;

/// <summary>
/// A raw <c>BDAT 5 LAST</c> line: its 5 bytes must follow the command at once, which a line-based console cannot do.
/// Against real Postfix the step timed out ("no reply … the connection is still open"), then the run's closing
/// QUIT became the chunk's data and Postfix queued a message nobody wrote. Such a line is now a script error found
/// before connecting; a BDAT that carries no data (<c>BDAT 0 LAST</c>, a malformed size) is still sent.
/// </summary>
[Collection("LocalServers")]
public class RawBdatTests(LocalServers servers)
{
    private string[] Plain => [servers.Host, servers.Ports.Smtp.ToString(CultureInfo.InvariantCulture), "--timeout", "3"];

    private static async Task<string> WriteAsync(string text)
    {
        string path = Path.Combine(Path.GetTempPath(), $"bdat-{Guid.NewGuid():N}.smtp");
        await File.WriteAllTextAsync(path, text);
        return path;
    }

    [Theory]
    [InlineData("BDAT 5 LAST")]
    [InlineData("bdat 5")]
    [InlineData("BDAT\t12 LAST")]
    public async Task RawBdatWithData_IsAScriptError_NothingIsSent(string bdat)
    {
        string script = await WriteAsync($"EHLO client.example.test\nMAIL FROM:<{servers.Alice.Address}>\nRCPT TO:<{servers.Bob.Address}>\n{bdat}\nhello\nQUIT\n");
        var result = await AppProcess.RunAsync(["replay", script, .. Plain]);
        Assert.True(result.ExitCode == 2, $"exit {result.ExitCode}\n{result.StandardOutput}{result.StandardError}");
        Assert.DoesNotContain("C: ", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("/bdat @FILE", result.StandardOutput + result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BdatWithoutData_IsStillSent()
    {
        var result = await AppProcess.RunAsync(["replay", await WriteAsync("EHLO client.example.test\nBDAT 0 LAST\n/expect 5xx\nQUIT\n"), .. Plain]);
        Assert.True(result.ExitCode == 0, result.StandardOutput + result.StandardError);
        Assert.Contains("C: BDAT 0 LAST", result.StandardOutput, StringComparison.Ordinal);
    }
}
