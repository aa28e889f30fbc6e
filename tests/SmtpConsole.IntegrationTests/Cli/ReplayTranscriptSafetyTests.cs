using SmtpConsole.IntegrationTests.Support;

namespace SmtpConsole.IntegrationTests.Cli;

/// <summary>
/// Issue 13 items 3 and 4 through the real <c>smtpconsole replay</c> process against the built-in practice server:
/// an incomplete --transcript is a warning and exit 2 (it used to be exit 0 with an empty file); /b64 results stay
/// on screen only.
/// </summary>
public class ReplayTranscriptSafetyTests
{
    private static async Task<string> ScriptAsync(string text)
    {
        string path = Path.Combine(Path.GetTempPath(), $"safety-{Guid.NewGuid():N}.smtp");
        await File.WriteAllTextAsync(path, text);
        return path;
    }

    [Fact]
    public async Task Replay_TranscriptOnAFullDisk_WarnsAndExitsTwo()
    {
        if (!File.Exists("/dev/full")) return; // Linux: the portable way to get ENOSPC on demand.
        string script = await ScriptAsync("/ehlo\nNOOP\nQUIT\n");
        try
        {
            var result = await AppProcess.RunAsync(["replay", script, "--profile", "practice", "--transcript", "/dev/full"]);

            Assert.True(result.ExitCode == 2, $"exit {result.ExitCode}\n{result.StandardOutput}\n{result.StandardError}");
            Assert.Contains("--transcript is incomplete", result.StandardError);
            Assert.Contains("cannot write /dev/full", result.StandardOutput);
            Assert.DoesNotContain("Unhandled", result.StandardError);
        }
        finally
        {
            File.Delete(script);
        }
    }

    [Fact]
    public async Task Replay_Base64Helpers_ResultOnScreenNotInTheTranscript()
    {
        string script = await ScriptAsync("/b64 Replay-Secret-Pa55\n/ehlo\nQUIT\n");
        string transcript = Path.Combine(Path.GetTempPath(), $"safety-{Guid.NewGuid():N}.log");
        try
        {
            var result = await AppProcess.RunAsync(["replay", script, "--profile", "practice", "--transcript", transcript]);

            Assert.True(result.ExitCode == 0, result.StandardOutput + result.StandardError);
            string encoded = Convert.ToBase64String("Replay-Secret-Pa55"u8.ToArray());
            Assert.Contains(encoded, result.StandardOutput);
            string saved = await File.ReadAllTextAsync(transcript);
            Assert.DoesNotContain(encoded, saved);
            Assert.DoesNotContain("Replay-Secret-Pa55", saved);
            if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(transcript));
        }
        finally
        {
            File.Delete(script);
            File.Delete(transcript);
        }
    }
}
