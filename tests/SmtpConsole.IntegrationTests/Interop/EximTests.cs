using System.Globalization;
using SmtpConsole.Core.Commands;
using SmtpConsole.Core.Session;
using SmtpConsole.IntegrationTests.Infrastructure;
using SmtpConsole.IntegrationTests.Support;

namespace SmtpConsole.IntegrationTests.Interop;

/// <summary>
/// Exim 4.96, the MTA of most shared hosting, through the real <c>smtpconsole</c> process: its own wording (535 without
/// an enhanced code, "Unrouteable address"), its PIPELINING synchronisation checks, its CHUNKING replies
/// ("250- 172 byte chunk"), GnuTLS on the server side, and whether a session recorded against it replays.
/// </summary>
[Collection(LocalServersCollection.Name)]
public class EximTests(LocalServers servers)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

    private string[] StartTls => ["--host", servers.Host, "--port", Port(servers.Ports.Exim), "--starttls", "--cafile", servers.CaFile];

    private static async Task<string> WriteScriptAsync(string text)
    {
        string path = Path.Combine(Path.GetTempPath(), $"exim-{Guid.NewGuid():N}.smtp");
        await File.WriteAllTextAsync(path, text);
        return path;
    }

    private static void AssertExit(int expected, AppProcess.Result result) =>
        Assert.True(result.ExitCode == expected, $"exit {result.ExitCode}, expected {expected}\n{result.StandardOutput}\n{result.StandardError}");

    [Fact]
    public async Task A_pipelined_group_ending_in_DATA_with_a_refused_recipient_replays_only_when_the_refusal_is_expected()
    {
        string subject = $"exim pipelined {Guid.NewGuid():N}";
        string Script(bool expectRefusal) => $"""
            /ehlo client.example.test
            /pipeline
            MAIL FROM:<{servers.Alice.Address}>
            RCPT TO:<{servers.Bob.Address}>
            RCPT TO:<nobody@{servers.Domain}>
            DATA
            /end
            {(expectRefusal ? "/expect 250\n/expect 250\n/expect 550\n/expect 354" : string.Empty)}
            Subject: {subject}

            .leading dot survives
            .
            /expect 250
            QUIT
            """;

        var expected = await AppProcess.RunAsync(["replay", await WriteScriptAsync(Script(expectRefusal: true)), .. StartTls]);
        AssertExit(0, expected);
        Assert.Contains("S: 550 Unrouteable address", expected.StandardOutput);
        string delivered = await servers.WaitForEximDeliveryAsync("bob", m => m.Contains(subject, StringComparison.Ordinal), Wait);
        Assert.Contains("\n.leading dot survives\n", delivered.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);

        // Without the /expect the refused recipient fails the run, however the rest of the group went.
        var unexpected = await AppProcess.RunAsync(["replay", await WriteScriptAsync(Script(expectRefusal: false)), .. StartTls]);
        AssertExit(1, unexpected);
        Assert.Contains("command 3 of the group got 550", unexpected.StandardOutput);
    }

    [Fact]
    public async Task Bdat_sends_the_bytes_unstuffed_and_Exims_two_line_chunk_reply_counts_as_accepted()
    {
        await using var h = new EngineHarness(servers.EngineOptions(servers.Ports.Exim, SecurityMode.StartTls));
        Assert.Equal(StepStatus.Ok, (await h.Runner.ConnectToAsync(h.Options)).Status);
        string subject = $"exim bdat {Guid.NewGuid():N}";
        string file = Path.Combine(Path.GetTempPath(), $"exim-bdat-{Guid.NewGuid():N}.eml");
        await File.WriteAllTextAsync(file, $"Subject: {subject}\r\n\r\n.a dot line, not stuffed in BDAT\r\nend\r\n");
        await h.RunAsync("/ehlo client.example.test", $"MAIL FROM:<{servers.Alice.Address}>", $"RCPT TO:<{servers.Bob.Address}>");
        var outcome = await h.Runner.ExecuteAsync($"/bdat @{file}");
        Assert.True(outcome.Status == StepStatus.Ok, h.Dump());
        Assert.Contains("byte chunk", h.Dump(), StringComparison.Ordinal);

        string delivered = await servers.WaitForEximDeliveryAsync("bob", m => m.Contains(subject, StringComparison.Ordinal), Wait);
        Assert.Contains("\n.a dot line, not stuffed in BDAT\n", delivered.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_login_is_535_without_an_enhanced_code_and_the_hint_blames_the_credentials_not_the_network()
    {
        string script = $"/ehlo client.example.test\n/auth login {servers.Alice.Name} not-the-password\nQUIT\n";
        var result = await AppProcess.RunAsync(["replay", await WriteScriptAsync(script), .. StartTls]);
        AssertExit(1, result);
        Assert.Contains("S: 535 Incorrect authentication data", result.StandardOutput);
        Assert.Contains("# hint: Exim", result.StandardOutput);
        Assert.DoesNotContain("not-the-password", result.StandardOutput + result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("retry", Hints(result), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("try again", Hints(result), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_session_saved_against_Exim_replays_with_the_password_and_fails_without_it()
    {
        string subject = $"exim round trip {Guid.NewGuid():N}";
        string transcript = Path.Combine(Path.GetTempPath(), $"exim-transcript-{Guid.NewGuid():N}.log");
        string script = $"""
            /ehlo client.example.test
            /auth plain {servers.Alice.Name} ${"{"}PASS{"}"}
            MAIL FROM:<{servers.Alice.Address}>
            RCPT TO:<{servers.Bob.Address}>
            /data
            Subject: {subject}

            ..already stuffed by hand? no: a line starting with two dots
            .
            QUIT
            """;
        var recorded = await AppProcess.RunAsync(["replay", await WriteScriptAsync(script), .. StartTls, "--var", $"PASS={servers.Alice.Password}", "--transcript", transcript]);
        AssertExit(0, recorded);
        Assert.DoesNotContain(servers.Alice.Password, await File.ReadAllTextAsync(transcript), StringComparison.Ordinal);

        var replayed = await AppProcess.RunAsync(["replay", transcript, "--cafile", servers.CaFile, "--var", $"PASSWORD={servers.Alice.Password}"]);
        AssertExit(0, replayed);
        var copies = await WaitForCopiesAsync(subject, 2);
        Assert.All(copies, m => Assert.Contains("\n..already stuffed", m.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal));

        var wrong = await AppProcess.RunAsync(["replay", transcript, "--cafile", servers.CaFile, "--var", "PASSWORD=not-the-password"]);
        AssertExit(1, wrong);
        Assert.Contains("535", wrong.StandardOutput);
    }

    [Fact]
    public async Task Doctor_passes_every_check_it_made_and_names_the_recipient_it_could_not_check()
    {
        var env = new Dictionary<string, string> { ["SMTPCONSOLE_PASSWORD"] = servers.Alice.Password };
        string[] target = ["doctor", servers.Host, Port(servers.Ports.Exim), "--starttls", "--cafile", servers.CaFile, "--user", servers.Alice.Name];

        var full = await AppProcess.RunAsync([.. target, "--from", servers.Alice.Address, "--to", servers.Bob.Address], environment: env);
        AssertExit(0, full);
        Assert.Matches(@"PASS\s+Login\s+authenticated as alice", full.StandardOutput);
        Assert.Matches(@"PASS\s+RCPT TO\s+", full.StandardOutput);
        Assert.Matches(@"PASS\s+EHLO after TLS\s+AUTH PLAIN LOGIN CRAM-MD5", full.StandardOutput);

        var unknown = await AppProcess.RunAsync([.. target, "--from", servers.Alice.Address, "--to", $"nobody@{servers.Domain}"], environment: env);
        AssertExit(1, unknown);
        Assert.Matches(@"FAIL\s+RCPT TO\s+550 Unrouteable address", unknown.StandardOutput);

        // The user name is not an address and no sender was given: the recipient cannot be probed, and the report says
        // so instead of leaving the line out.
        var noSender = await AppProcess.RunAsync([.. target, "--to", servers.Bob.Address], environment: env);
        Assert.Matches(@"WARN\s+RCPT TO\s+bob@example\.test not checked", noSender.StandardOutput);
        Assert.Contains("--from ADDRESS", noSender.StandardOutput);
        Assert.DoesNotMatch(@"PASS\s+RCPT TO", noSender.StandardOutput);
    }

    [Fact]
    public async Task Doctor_on_the_plain_port_says_AUTH_needs_STARTTLS_and_on_the_implicit_port_says_it_speaks_TLS()
    {
        var plain = await AppProcess.RunAsync(["doctor", servers.Host, Port(servers.Ports.Exim), "--cafile", servers.CaFile]);
        AssertExit(1, plain);
        Assert.Matches(@"FAIL\s+AUTH\s+AUTH is not offered before TLS; after STARTTLS \(probed\) the server offers AUTH PLAIN LOGIN CRAM-MD5", plain.StandardOutput);

        var implicitTls = await AppProcess.RunAsync(["doctor", servers.Host, Port(servers.Ports.EximTls), "--cafile", servers.CaFile]);
        AssertExit(1, implicitTls);
        Assert.Contains("this port speaks implicit TLS", implicitTls.StandardOutput);
    }

    [Fact]
    public async Task A_real_454_to_STARTTLS_ends_the_replay_as_a_TLS_failure_with_nothing_sent_in_clear()
    {
        string script = $"/ehlo client.example.test\nMAIL FROM:<{servers.Alice.Address}>\nRCPT TO:<{servers.Bob.Address}>\nQUIT\n";
        foreach (string[] how in new[] { (string[])["--starttls", "--cafile", servers.CaFile], ["--plain"] })
        {
            string body = how[0] == "--plain" ? "/ehlo client.example.test\nSTARTTLS\n" + script : script;
            var result = await AppProcess.RunAsync(["replay", await WriteScriptAsync(body), "--host", servers.Host, "--port", Port(servers.Ports.EximBrokenTls), .. how]);
            AssertExit(3, result);
            Assert.Contains("S: 454 TLS currently unavailable", result.StandardOutput);
            Assert.DoesNotContain("C: MAIL", result.StandardOutput, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Doctor_explains_Exims_454_with_Exims_advice_not_Postfixs()
    {
        var result = await AppProcess.RunAsync(["doctor", servers.Host, Port(servers.Ports.EximBrokenTls), "--starttls", "--cafile", servers.CaFile]);
        AssertExit(1, result);
        Assert.Matches(@"FAIL\s+STARTTLS\s+454 TLS currently unavailable", result.StandardOutput);
        // The greeting names Exim; the Postfix entry for 454 would send the admin to smtpd_tls_cert_file.
        Assert.DoesNotContain("smtpd_tls", result.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("Postfix", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Exim", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_DSN_parameter_Exim_did_not_advertise_is_hinted_as_an_unsupported_parameter_not_a_broken_message()
    {
        string script = $"/ehlo client.example.test\nMAIL FROM:<{servers.Alice.Address}>\nRCPT TO:<{servers.Bob.Address}> NOTIFY=SUCCESS\n/expect 501\nQUIT\n";
        var result = await AppProcess.RunAsync(["replay", await WriteScriptAsync(script), "--host", servers.Host, "--port", Port(servers.Ports.Exim), "--plain"]);
        AssertExit(0, result);
        Assert.Contains("may not follow <", result.StandardOutput, StringComparison.Ordinal);
        string hints = Hints(result);
        Assert.True(hints.Contains("parameter not supported here", StringComparison.Ordinal), result.StandardOutput);
        Assert.DoesNotContain("headers/MIME", hints, StringComparison.Ordinal);
    }

    private static string Hints(AppProcess.Result result) => string.Join('\n', result.StandardOutput.Split('\n').Where(l => l.StartsWith("# hint:", StringComparison.Ordinal)));

    private async Task<List<string>> WaitForCopiesAsync(string subject, int count)
    {
        string folder = Path.Combine(servers.EximMailDir, "bob", "new");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var copies = Directory.Exists(folder)
                ? Directory.GetFiles(folder).Select(File.ReadAllText).Where(m => m.Contains(subject, StringComparison.Ordinal)).ToList()
                : [];
            if (copies.Count >= count || clock.Elapsed > Wait)
            {
                Assert.True(copies.Count == count, $"{copies.Count} copies of '{subject}' delivered by Exim, expected {count}");
                return copies;
            }
            await Task.Delay(50);
        }
    }
}
