using System.Text.Json;
using SmtpConsole.IntegrationTests.Infrastructure;
using SmtpConsole.IntegrationTests.Support;

namespace SmtpConsole.IntegrationTests.Cli;

/// <summary>The real <c>smtpconsole replay</c> process against the local Postfix.</summary>
[Collection("LocalServers")]
public class ReplayCommandTests(LocalServers servers)
{
    private string SubmissionScript(string subject) => $"""
        # authenticated submission
        /ehlo client.example.test
        /auth login {servers.Alice.Name} ${"{"}PASS{"}"}
        MAIL FROM:<{servers.Alice.Address}>
        RCPT TO:<{servers.Bob.Address}>
        /data
        Subject: {subject}
        From: {servers.Alice.Address}
        To: {servers.Bob.Address}

        .a line that starts with a dot
        the end
        .
        /expect 250 /queued as/
        QUIT
        """;

    private async Task<string> WriteScriptAsync(string text)
    {
        string path = Path.Combine(Path.GetTempPath(), $"replay-{Guid.NewGuid():N}.smtp");
        await File.WriteAllTextAsync(path, text);
        return path;
    }

    private string[] Target(int port, string mode) => ["--host", servers.Host, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), mode];

    [Fact]
    public async Task Replay_AuthenticatedSubmission_ExitsZero_DeliversIntact_JsonLinesHaveTheContract()
    {
        string subject = $"replay {Guid.NewGuid():N}";
        string script = await WriteScriptAsync(SubmissionScript(subject));
        var result = await AppProcess.RunAsync(["replay", script, .. Target(servers.Ports.Submission, "--starttls"), "--cafile", servers.CaFile, "--json"],
            environment: new Dictionary<string, string> { ["SMTPCONSOLE_PASS"] = servers.Alice.Password });
        Assert.True(result.ExitCode == 0, result.StandardOutput + result.StandardError);
        Assert.DoesNotContain(servers.Alice.Password, result.StandardOutput);
        Assert.DoesNotContain(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(servers.Alice.Password)), result.StandardOutput);

        var events = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.All(events, e =>
        {
            Assert.True(DateTimeOffset.TryParse(e.GetProperty("ts").GetString(), out _));
            Assert.True(e.GetProperty("ms").GetDouble() >= 0);
            Assert.Contains(e.GetProperty("kind").GetString(), new[] { "connect", "tls", "send", "reply", "info", "warn", "error", "expect" });
            Assert.NotNull(e.GetProperty("text").GetString());
        });
        var replies = events.Where(e => e.GetProperty("kind").GetString() == "reply").ToList();
        Assert.All(replies, r =>
        {
            Assert.True(r.GetProperty("code").GetInt32() >= 200);
            Assert.Equal(JsonValueKind.Array, r.GetProperty("lines").ValueKind);
            Assert.True(r.TryGetProperty("enhanced", out _) && r.TryGetProperty("decoded", out _));
        });
        Assert.Contains(replies, r => r.GetProperty("code").GetInt32() == 334 && r.GetProperty("decoded").GetString() == "Username:");
        var sends = events.Where(e => e.GetProperty("kind").GetString() == "send").ToList();
        Assert.All(sends, s => Assert.True(s.TryGetProperty("secret", out _) && s.TryGetProperty("note", out _)));
        Assert.Contains(sends, s => s.GetProperty("secret").GetBoolean());
        Assert.Contains(sends, s => s.GetProperty("note").GetString()?.Contains("alice") == true);
        Assert.Contains(events, e => e.GetProperty("kind").GetString() == "expect" && e.GetProperty("passed").GetBoolean());

        string delivered = await servers.WaitForDeliveredMessageAsync("bob", m => m.Contains(subject), TimeSpan.FromSeconds(20));
        Assert.Contains("\n.a line that starts with a dot\n", delivered.Replace("\r\n", "\n"));
    }

    [Fact]
    public async Task Replay_WrongPassword_ExitsOne()
    {
        string script = await WriteScriptAsync(SubmissionScript("never sent"));
        var result = await AppProcess.RunAsync(["replay", script, .. Target(servers.Ports.Submission, "--starttls"), "--cafile", servers.CaFile, "--var", "PASS=wrong-password"]);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("535 5.7.8", result.StandardOutput);
        Assert.Contains("# hint:", result.StandardOutput);
        Assert.DoesNotContain("wrong-password", result.StandardOutput);
    }

    [Fact]
    public async Task Replay_UntrustedCertificate_ExitsThree_InsecureWorks()
    {
        string script = await WriteScriptAsync("/ehlo client.example.test\nQUIT\n");
        var strict = await AppProcess.RunAsync(["replay", script, .. Target(servers.Ports.Smtps, "--tls")]);
        Assert.Equal(3, strict.ExitCode);
        Assert.Contains("certificate", strict.StandardOutput);
        var insecure = await AppProcess.RunAsync(["replay", script, .. Target(servers.Ports.Smtps, "--tls"), "--insecure"]);
        Assert.True(insecure.ExitCode == 0, insecure.StandardOutput);
        Assert.Contains("NOT verified", insecure.StandardOutput);
    }

    [Fact]
    public async Task Replay_ScriptErrors_ExitTwo_BeforeConnecting()
    {
        string script = await WriteScriptAsync("EHLO x\n/auth md4 alice secret\n");
        var result = await AppProcess.RunAsync(["replay", script, .. Target(servers.Ports.Smtp, "--plain")]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(":2: /auth: unknown mechanism", result.StandardOutput);
        Assert.DoesNotContain("connected to", result.StandardOutput);

        var missingVar = await AppProcess.RunAsync(["replay", await WriteScriptAsync(SubmissionScript("x")), .. Target(servers.Ports.Submission, "--starttls")]);
        Assert.Equal(2, missingVar.ExitCode);
        Assert.Contains("--var PASS=VALUE", missingVar.StandardError);
    }

    [Fact]
    public async Task Replay_SavedTranscript_ReplaysAgainstTheServer()
    {
        string subject = $"transcript {Guid.NewGuid():N}";
        string script = await WriteScriptAsync(SubmissionScript(subject));
        string transcript = Path.Combine(Path.GetTempPath(), $"saved-{Guid.NewGuid():N}.log");
        var first = await AppProcess.RunAsync(["replay", script, .. Target(servers.Ports.Submission, "--starttls"), "--cafile", servers.CaFile, "--transcript", transcript, "--var", $"PASS={servers.Alice.Password}"]);
        Assert.Equal(0, first.ExitCode);
        string saved = await File.ReadAllTextAsync(transcript);
        Assert.DoesNotContain(servers.Alice.Password, saved);
        // The login is saved as "/auth login alice ${PASSWORD}" (issue 12 #9): the secret comes from the environment.
        Assert.Contains("${PASSWORD}", saved);
        var again = await AppProcess.RunAsync(["replay", transcript, .. Target(servers.Ports.Submission, "--starttls"), "--cafile", servers.CaFile],
            environment: new Dictionary<string, string> { ["SMTPCONSOLE_PASSWORD"] = servers.Alice.Password });
        Assert.True(again.ExitCode == 0, again.StandardOutput + again.StandardError);
    }

    [Fact]
    public async Task Replay_ClosedPort_ExitsThree()
    {
        string script = await WriteScriptAsync("EHLO x\n");
        var result = await AppProcess.RunAsync(["replay", script, "--host", "127.0.0.1", "--port", "2599"]);
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("refused", result.StandardOutput);
    }
}
