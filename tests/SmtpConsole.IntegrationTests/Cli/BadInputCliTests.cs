using SmtpConsole.IntegrationTests.Support;

namespace SmtpConsole.IntegrationTests.Cli;

/// <summary>
/// Issue 13 item 7 through the real process: each bad value is one line on stderr and exit 2 — no stack trace
/// ("   at …") ever reaches the user. Runs against the built-in practice server (no network beyond loopback).
/// </summary>
public class BadInputCliTests
{
    private static readonly string LongHost = new('a', 300);

    public static TheoryData<string, string[]> Cases() => new()
    {
        { "NOOP\n", ["--timeout", "1e308"] },
        { "NOOP\n", ["--timeout", "Infinity"] },
        { "NOOP\n", ["--timeout", "5000000"] },
        { "NOOP\n", ["--timeout", "NaN"] },
        { "NOOP\n", ["--timeout", "-1"] },
        { "/bdat @f.eml --chunk 2147483647\n", [] },
        { "/auth plain demo ${PASS}\n", ["--var", "PASS=a\"b'c"] },
        { "/connect " + LongHost + " 25\n", [] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Replay_BadValue_OneLineErrorExitTwo(string script, string[] extra)
    {
        string folder = Directory.CreateTempSubdirectory("smtpconsole-bad-").FullName;
        try
        {
            string path = Path.Combine(folder, "s.smtp");
            await File.WriteAllTextAsync(path, script);
            await File.WriteAllTextAsync(Path.Combine(folder, "f.eml"), "Subject: x\r\n\r\nx\r\n");

            var result = await AppProcess.RunAsync(["replay", path, "--profile", "practice", .. extra]);

            Assert.True(result.ExitCode == 2, $"exit {result.ExitCode}\n{result.StandardOutput}\n{result.StandardError}");
            Assert.DoesNotContain("   at ", result.StandardOutput + result.StandardError);
            Assert.DoesNotContain("Unhandled", result.StandardOutput + result.StandardError);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("replay", "--host")]
    [InlineData("doctor", null)]
    public async Task HostOver255Characters_OneLineErrorExitTwo(string command, string? flag)
    {
        string[] args = command == "replay" ? ["replay", "-", flag!, LongHost, "--port", "25"] : ["doctor", LongHost, "--port", "25"];

        var result = await AppProcess.RunAsync(args, standardInput: "NOOP\n");

        Assert.True(result.ExitCode == 2, $"exit {result.ExitCode}\n{result.StandardOutput}\n{result.StandardError}");
        Assert.Contains("253", result.StandardError);
        Assert.DoesNotContain("   at ", result.StandardOutput + result.StandardError);
    }
}

/// <summary>Issue 13 item 9 through the real process: pasted text given to explain is shown back neutralised.</summary>
public class ExplainNeutralisationTests
{
    [Fact]
    public async Task Explain_InputWithEscapesAndInvisibles_EchoedEscaped()
    {
        var result = await AppProcess.RunAsync(["explain", "535 5.7.8 bad \u001b]0;owned\u0007 credentials \u200b\u202e"]);

        string all = result.StandardOutput + result.StandardError;
        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("\u001b", all, StringComparison.Ordinal);
        Assert.DoesNotContain("\u0007", all, StringComparison.Ordinal);
        Assert.DoesNotContain("\u200b", all, StringComparison.Ordinal);
        Assert.DoesNotContain("\u202e", all, StringComparison.Ordinal);
    }
}
