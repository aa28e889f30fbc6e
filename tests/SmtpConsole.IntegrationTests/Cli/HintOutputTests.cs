using System.Text.Json;
using SmtpConsole.IntegrationTests.Infrastructure;
using SmtpConsole.IntegrationTests.Support;

namespace SmtpConsole.IntegrationTests.Cli;

/// <summary>
/// The engine's hint is the one every front end shows (issue 17 item 1): replay text output, replay JSON lines and
/// <c>explain</c> name the same cause for the same mistake, and none of them points at a TUI key.
/// </summary>
[Collection("LocalServers")]
public class HintOutputTests(LocalServers servers)
{
    private const string MailMissing = "MAIL FROM is missing";

    [Fact]
    public async Task Replay_RcptBeforeMail_TextAndJsonCarryTheSameHint()
    {
        string script = Path.Combine(Path.GetTempPath(), $"hint-{Guid.NewGuid():N}.smtp");
        await File.WriteAllTextAsync(script, "EHLO client.example.test\nRCPT TO:<bob@example.test>\nQUIT\n");
        try
        {
            string[] target = ["--host", servers.Host, "--port", servers.Ports.Smtp.ToString(System.Globalization.CultureInfo.InvariantCulture), "--plain", "--keep-going"];
            var text = await AppProcess.RunAsync(["replay", script, .. target]);
            var json = await AppProcess.RunAsync(["replay", script, .. target, "--json"]);

            string[] hintLines = [.. text.StandardOutput.Split('\n').Where(l => l.StartsWith("# hint: ", StringComparison.Ordinal))];
            Assert.True(hintLines.Length == 1, text.StandardOutput + text.StandardError);
            Assert.StartsWith("# hint: " + MailMissing, hintLines[0], StringComparison.Ordinal);
            Assert.DoesNotContain("F4", text.StandardOutput, StringComparison.Ordinal);

            var rcptReply = json.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(l => JsonDocument.Parse(l).RootElement)
                .Single(e => e.GetProperty("kind").GetString() == "reply" && e.TryGetProperty("verb", out var v) && v.GetString() == "RCPT");
            Assert.Equal(503, rcptReply.GetProperty("code").GetInt32());
            Assert.Equal(hintLines[0]["# hint: ".Length..].TrimEnd('\r'), rcptReply.GetProperty("hint").GetString());
            Assert.Equal("MailMissing", rcptReply.GetProperty("cause").GetString());
        }
        finally
        {
            File.Delete(script);
        }
    }

    [Theory]
    [InlineData("RCPT TO:<b@example.test>", "503 5.5.1 Error: need MAIL command", "MailMissing")]
    [InlineData("EHLO", "501 Syntax: EHLO hostname", "EhloNeedsName")]
    [InlineData("MAIL FROM:<a@example.test>", "503 5.5.2 Sender already specified", "TransactionOpen")]
    public async Task Explain_After_NamesTheSameCause(string after, string reply, string rule)
    {
        var text = await AppProcess.RunAsync(["explain", "--after", after, reply]);
        Assert.Equal(0, text.ExitCode);
        Assert.StartsWith("Likely cause: ", text.StandardOutput, StringComparison.Ordinal);
        var json = await AppProcess.RunAsync(["explain", "--after", after, "--json", reply]);
        using var document = JsonDocument.Parse(json.StandardOutput);
        Assert.Equal(rule, document.RootElement.GetProperty("cause").GetProperty("rule").GetString());
        Assert.Contains(document.RootElement.GetProperty("cause").GetProperty("text").GetString()!, text.StandardOutput, StringComparison.Ordinal);
        Assert.True(document.RootElement.TryGetProperty("reply", out _));
    }

    [Fact]
    public async Task Explain_PolicyRefusal_GetsNoSequenceCause()
    {
        var text = await AppProcess.RunAsync(["explain", "--after", "RCPT", "554 5.7.1 <b@example.test>: Relay access denied"]);
        Assert.Equal(0, text.ExitCode);
        Assert.DoesNotContain("Likely cause", text.StandardOutput, StringComparison.Ordinal);
    }
}
