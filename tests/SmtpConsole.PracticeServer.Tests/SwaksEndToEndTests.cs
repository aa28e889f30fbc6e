using System.Diagnostics;

namespace SmtpConsole.PracticeServer.Tests;

/// <summary>
/// swaks, the tool many admins reach for first, against the practice server: STARTTLS with the certificate verified
/// against the PEM file the foreground host prints, AUTH, and a message. CI installs swaks; a machine without it
/// fails these tests on purpose rather than skipping them.
/// </summary>
public sealed class SwaksEndToEndTests
{
    private static readonly TimeSpan SwaksTimeout = TimeSpan.FromSeconds(30);

    public static TheoryData<string> Mechanisms => ["LOGIN", "PLAIN", "CRAM-MD5"];

    [Theory]
    [MemberData(nameof(Mechanisms))]
    public async Task Swaks_completes_starttls_auth_and_a_message(string mechanism)
    {
        await using var server = await ServerFixture.StartAsync();
        var pem = await WritePemAsync(server);
        try
        {
            var (exitCode, output) = await RunSwaksAsync(
                "--server", "127.0.0.1", "--port", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--ehlo", "swaks.test", "--tls", "--tls-verify", "--tls-ca-path", pem,
                "--auth", mechanism, "--auth-user", "demo", "--auth-password", "practice",
                "--from", "demo@practice.smtpconsole.test", "--to", "someone@practice.smtpconsole.test",
                "--header", $"Subject: swaks {mechanism}", "--body", "Hello from swaks.\n.dot line\n");
            Assert.True(exitCode == 0, $"swaks exited with {exitCode}:\n{output}");

            var message = Assert.Single(await ServerFixture.WaitForMessagesAsync(server.Inbox));
            Assert.Equal("demo", message.AuthenticatedUser);
            Assert.True(message.UsedTls);
            Assert.Equal("demo@practice.smtpconsole.test", message.MailFrom);
            Assert.Equal(["someone@practice.smtpconsole.test"], message.Recipients);
            Assert.Equal($"swaks {mechanism}", message.ToMimeMessage().Subject);
            Assert.Contains("\r\n.dot line\r\n", System.Text.Encoding.ASCII.GetString(message.RawBytes), StringComparison.Ordinal);
            Assert.Contains("<~  235 2.7.0 Authentication successful", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(pem);
        }
    }

    [Fact]
    public async Task Swaks_with_a_wrong_password_sees_postfix_535()
    {
        await using var server = await ServerFixture.StartAsync();
        var (exitCode, output) = await RunSwaksAsync(
            "--server", "127.0.0.1", "--port", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--tls", "--auth", "LOGIN", "--auth-user", "demo", "--auth-password", "wrong",
            "--from", "demo@practice.smtpconsole.test", "--to", "someone@practice.smtpconsole.test");
        Assert.NotEqual(0, exitCode);
        Assert.Contains("535 5.7.8 Error: authentication failed: authentication failure", output, StringComparison.Ordinal);
        Assert.Equal(0, server.Inbox.Count);
    }

    [Fact]
    public async Task Swaks_relaying_without_auth_sees_postfix_554()
    {
        await using var server = await ServerFixture.StartAsync();
        var (exitCode, output) = await RunSwaksAsync(
            "--server", "127.0.0.1", "--port", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--from", "demo@practice.smtpconsole.test", "--to", "someone@example.org");
        Assert.NotEqual(0, exitCode);
        Assert.Contains("554 5.7.1 <someone@example.org>: Relay access denied", output, StringComparison.Ordinal);
    }

    private static async Task<string> WritePemAsync(PracticeSmtpServer server)
    {
        var path = Path.Combine(Path.GetTempPath(), $"practice-test-{Guid.NewGuid():N}.pem");
        await File.WriteAllTextAsync(path, PracticeCertificate.ExportPem(server.Certificate));
        return path;
    }

    private static async Task<(int ExitCode, string Output)> RunSwaksAsync(params string[] arguments)
    {
        var swaks = FindOnPath("swaks")
            ?? throw new Xunit.Sdk.XunitException("swaks is not installed, so the end-to-end test cannot run. Install it with: apt-get install -y swaks");
        var start = new ProcessStartInfo(swaks)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(SwaksTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException($"swaks did not finish within {SwaksTimeout}:\n{await stdout}\n{await stderr}");
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists);
}
