using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using SmtpConsole.IntegrationTests.Infrastructure;
using SmtpConsole.IntegrationTests.Support;

namespace SmtpConsole.IntegrationTests.Scripts;

/// <summary>
/// Issue 12 (replay you can trust), each numbered finding against the real Postfix of tests/servers, through the
/// real <c>smtpconsole replay</c> process. See docs/scripts.md for the semantics these pin down.
/// </summary>
[Collection("LocalServers")]
public class ReplaySemanticsTests(LocalServers servers)
{
    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

    private string[] Plain => ["--host", servers.Host, "--port", Port(servers.Ports.Smtp), "--plain"];

    private string[] Submission => ["--host", servers.Host, "--port", Port(servers.Ports.Submission), "--starttls", "--cafile", servers.CaFile];

    private static async Task<string> WriteAsync(string text, string extension = ".smtp")
    {
        string path = Path.Combine(Path.GetTempPath(), $"replay-{Guid.NewGuid():N}{extension}");
        await File.WriteAllTextAsync(path, text);
        return path;
    }

    private static string TempPath(string extension = ".log") => Path.Combine(Path.GetTempPath(), $"transcript-{Guid.NewGuid():N}{extension}");

    private static async Task<AppProcess.Result> ReplayAsync(string script, IEnumerable<string> args, IReadOnlyDictionary<string, string>? env = null) =>
        await AppProcess.RunAsync(["replay", script, .. args], environment: env);

    private static void AssertExit(int expected, AppProcess.Result result) =>
        Assert.True(result.ExitCode == expected, $"exit {result.ExitCode}, expected {expected}\n{result.StandardOutput}\n{result.StandardError}");

    private string Local(string user) => $"{user}@{servers.Domain}";

    [Fact]
    public async Task F01_QuitThenExpect221_ExitsZero()
    {
        var result = await ReplayAsync(await WriteAsync("/ehlo client.example.test\nQUIT\n/expect 221\n"), Plain);
        AssertExit(0, result);
        Assert.Contains("221 matches 221", result.StandardOutput);
        Assert.DoesNotContain("closed the connection early", result.StandardOutput);
    }

    [Fact]
    public async Task F02_RefusedHelpersWithExpect_RunGoesOn()
    {
        string script = $"""
            /ehlo client.example.test
            /auth login {servers.Alice.Name} WRONG-password
            /expect 535
            /auth login {servers.Alice.Name} ${"{"}PASS{"}"}
            /expect 235
            /auth login {servers.Alice.Name} ${"{"}PASS{"}"}
            /expect 503
            QUIT
            /expect 221
            """;
        var result = await ReplayAsync(await WriteAsync(script), Submission, new Dictionary<string, string> { ["SMTPCONSOLE_PASS"] = servers.Alice.Password });
        AssertExit(0, result);
        Assert.Contains("535 matches 535", result.StandardOutput);
        Assert.Contains("503 matches 503", result.StandardOutput);

        // The same refusal without an /expect fails the run, naming the line.
        var unexpected = await ReplayAsync(await WriteAsync($"/ehlo x\n/auth login {servers.Alice.Name} WRONG-password\nQUIT\n"), Submission);
        AssertExit(1, unexpected);
        Assert.Contains(".smtp:2: step failed: 535", unexpected.StandardOutput);
    }

    [Fact]
    public async Task F03_RefusedRawDataAndDataHelper_CanBeExpected()
    {
        // Postfix answers DATA before RCPT with 503; the lines after the /expect are commands again.
        var raw = await ReplayAsync(await WriteAsync("/ehlo x\nDATA\n/expect 503\nRSET\n/expect 250\nQUIT\n"), Plain);
        AssertExit(0, raw);
        Assert.Contains("C: RSET", raw.StandardOutput);
        var helper = await ReplayAsync(await WriteAsync("/ehlo x\n/data\n/expect 5xx\nNOOP\nQUIT\n"), Plain);
        AssertExit(0, helper);
        Assert.Contains("C: NOOP", helper.StandardOutput);
    }

    [Fact]
    public async Task F04_DataAsLastCommandOfAPipelinedGroup_Delivers()
    {
        string subject = $"pipelined {Guid.NewGuid():N}";
        string script = $"""
            /ehlo x
            /pipeline
            MAIL FROM:<{Local("alice")}>
            RCPT TO:<{Local("bob")}>
            DATA
            /end
            /expect 250
            /expect 250
            /expect 354
            Subject: {subject}

            body of a pipelined message
            .
            /expect 250
            QUIT
            """;
        var result = await ReplayAsync(await WriteAsync(script), Plain);
        AssertExit(0, result);
        string delivered = await servers.WaitForDeliveredMessageAsync("bob", m => m.Contains(subject), TimeSpan.FromSeconds(20));
        Assert.Contains("body of a pipelined message", delivered);
    }

    [Fact]
    public async Task F05_RefusalInsideAPipelinedGroup_FailsUnlessExpected()
    {
        string group = "/ehlo x\n/pipeline\nMAIL FROM:<a@example.test>\nRCPT TO:<someone@elsewhere.invalid>\n/end\n";
        var failing = await ReplayAsync(await WriteAsync(group + "QUIT\n"), Plain);
        AssertExit(1, failing);
        Assert.Contains("command 2 of the group got 554", failing.StandardOutput);
        var expected = await ReplayAsync(await WriteAsync(group + "/expect 250\n/expect 554\nQUIT\n"), Plain);
        AssertExit(0, expected);
    }

    [Fact]
    public async Task F06_F07_SavedPipelineAndRawData_ReplayAsRecorded_WithoutAnnotationLinesInTheBody()
    {
        string subject = $"saved {Guid.NewGuid():N}";
        string script = $"""
            /ehlo x
            /pipeline
            MAIL FROM:<{Local("alice")}>
            RCPT TO:<{Local("bob")}>
            /end
            DATA
            Subject: {subject}
            From: {Local("alice")}

            .leading dot
            .
            QUIT
            """;
        string transcript = TempPath();
        AssertExit(0, await ReplayAsync(await WriteAsync(script), [.. Plain, "--transcript", transcript]));
        string saved = await File.ReadAllTextAsync(transcript);
        Assert.Contains("# >> /pipeline", saved);
        Assert.Contains("# info: 354", saved); // the annotation is inside the body in the file…

        var again = await ReplayAsync(transcript, Plain);
        AssertExit(0, again);
        var delivered = (await WaitForTwoAsync("bob", subject)).Select(m => m.Replace("\r\n", "\n")).ToList();
        foreach (var message in delivered)
        {
            Assert.DoesNotContain("# info", message); // …and never sent.
            Assert.Contains($"\nSubject: {subject}\nFrom: {Local("alice")}\n", message);
            Assert.Contains("\n.leading dot\n", message);
        }
        // The group went out as a group: both commands before either reply.
        string output = again.StandardOutput;
        Assert.True(output.IndexOf("C: RCPT TO", StringComparison.Ordinal) < output.IndexOf("S: 250 2.1.0", StringComparison.Ordinal), output);
    }

    private async Task<List<string>> WaitForTwoAsync(string user, string subject)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        string folder = Path.Combine(servers.MailDir, user, "new");
        while (true)
        {
            var found = Directory.Exists(folder)
                ? Directory.GetFiles(folder).Select(File.ReadAllText).Where(m => m.Contains(subject)).ToList()
                : [];
            if (found.Count >= 2 || DateTime.UtcNow > deadline)
            {
                Assert.Equal(2, found.Count);
                return found;
            }
            await Task.Delay(200);
        }
    }

    private string AuthenticatedSubmission(string subject) => $"""
        /ehlo client.example.test
        /auth login {servers.Alice.Name} ${"{"}PASS{"}"}
        MAIL FROM:<{servers.Alice.Address}>
        RCPT TO:<{servers.Bob.Address}>
        /data
        Subject: {subject}

        hello
        .
        QUIT
        """;

    [Fact]
    public async Task F08_F09_SavedStartTlsLogin_ReplaysWithHostAndPort_KeepsTls_PasswordFromPlaceholder()
    {
        string subject = $"tls {Guid.NewGuid():N}";
        string script = $"/connect {servers.Host} {Port(servers.Ports.Submission)} --starttls\n" + AuthenticatedSubmission(subject);
        string transcript = TempPath();
        var first = await ReplayAsync(await WriteAsync(script), ["--cafile", servers.CaFile, "--transcript", transcript, "--var", $"PASS={servers.Alice.Password}"]);
        AssertExit(0, first);
        string saved = await File.ReadAllTextAsync(transcript);
        Assert.Contains($"# >> /auth login {servers.Alice.Name} ${{PASSWORD}}", saved);
        Assert.DoesNotContain(servers.Alice.Password, saved);

        // --host/--port change the address only: the recorded --starttls stays, so AUTH is accepted.
        var again = await ReplayAsync(transcript, ["--host", servers.Host, "--port", Port(servers.Ports.Submission), "--cafile", servers.CaFile],
            new Dictionary<string, string> { ["SMTPCONSOLE_PASSWORD"] = servers.Alice.Password });
        AssertExit(0, again);
        Assert.Contains("(STARTTLS)", again.StandardOutput);
        var withVar = await ReplayAsync(transcript, ["--cafile", servers.CaFile, "--var", $"PASSWORD={servers.Alice.Password}"]);
        AssertExit(0, withVar);

        // No secret anywhere and no terminal: a clear error, exit 2, before connecting.
        var missing = await ReplayAsync(transcript, ["--cafile", servers.CaFile]);
        AssertExit(2, missing);
        Assert.Contains("--var PASSWORD=VALUE", missing.StandardError + missing.StandardOutput);
    }

    [Fact]
    public async Task F09_HandTypedAuthLogin_ReplaysWithThePlaceholder()
    {
        string user = Convert.ToBase64String(Encoding.UTF8.GetBytes(servers.Alice.Name));
        string script = $"/ehlo x\nAUTH LOGIN\n{user}\n${{B64}}\n/expect 235\nQUIT\n";
        string transcript = TempPath();
        string b64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(servers.Alice.Password));
        AssertExit(0, await ReplayAsync(await WriteAsync(script), [.. Submission, "--transcript", transcript, "--var", $"B64={b64}"]));
        string saved = await File.ReadAllTextAsync(transcript);
        Assert.DoesNotContain(b64, saved);
        var again = await ReplayAsync(transcript, Submission, new Dictionary<string, string> { ["SMTPCONSOLE_PASSWORD"] = servers.Alice.Password });
        AssertExit(0, again);
        Assert.Contains("235", again.StandardOutput);
    }

    [Fact]
    public async Task F10_PracticeSession_ReplaysAgainstAFreshPracticeServer()
    {
        string transcript = TempPath();
        string script = "/ehlo x\n/starttls\n/ehlo x\n/auth login demo ${PASS}\nMAIL FROM:<demo@practice.smtpconsole.test>\nRCPT TO:<friend@practice.smtpconsole.test>\n/data\nSubject: practice\n\nhi\n.\nQUIT\n";
        AssertExit(0, await ReplayAsync(await WriteAsync(script), ["--profile", "practice", "--transcript", transcript, "--var", "PASS=practice"]));
        string saved = await File.ReadAllTextAsync(transcript);
        Assert.Contains("# >> /connect practice", saved);
        var again = await ReplayAsync(transcript, [], new Dictionary<string, string> { ["SMTPCONSOLE_PASSWORD"] = "practice" });
        AssertExit(0, again);
    }

    [Fact]
    public async Task F11_DataAtFile_ReplaysTheRecordedBytes_NeverReadsAPathFromTheTranscript()
    {
        string subject = $"file {Guid.NewGuid():N}";
        string body = await WriteAsync($"Subject: {subject}\r\n\r\noriginal content\r\n", ".eml");
        string transcript = TempPath();
        string script = $"/ehlo x\nMAIL FROM:<{Local("alice")}>\nRCPT TO:<{Local("bob")}>\n/data @{body}\nQUIT\n";
        AssertExit(0, await ReplayAsync(await WriteAsync(script), [.. Plain, "--transcript", transcript]));
        Assert.Contains("D: ", await File.ReadAllTextAsync(transcript));

        await File.WriteAllTextAsync(body, $"Subject: {subject}\r\n\r\nCHANGED content\r\n");
        AssertExit(0, await ReplayAsync(transcript, Plain));
        var messages = await WaitForTwoAsync("bob", subject);
        Assert.All(messages, m => Assert.Contains("original content", m));

        // A transcript naming a local file without its bytes, or a bare /data @PATH line in a transcript: refused, nothing sent.
        string secret = await WriteAsync("top secret\n", ".txt");
        foreach (var hostile in new[]
                 {
                     $"C: EHLO x\nS: 250 ok\n# >> /data @{secret}\nC: DATA\nS: 354 go\nS: 250 ok\n# << /data\n",
                     $"C: EHLO x\nS: 250 ok\n/data @{secret}\n",
                     $"C: EHLO x\nS: 250 ok\n/bdat @{secret}\n",
                 })
        {
            var refused = await ReplayAsync(await WriteAsync(hostile), Plain);
            AssertExit(2, refused);
            Assert.DoesNotContain("connecting to", refused.StandardOutput);
        }
    }

    [Fact]
    public async Task F11_BadScriptBytesAndHosts_RefusedBeforeAnythingIsSent()
    {
        string invalid = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():N}.smtp");
        await File.WriteAllBytesAsync(invalid, [.. "EHLO x\nNOOP\n"u8, 0x4e, 0xff, 0x4f, (byte)'\n']);
        var utf8 = await ReplayAsync(invalid, Plain);
        AssertExit(2, utf8);
        Assert.Contains(":3: not valid UTF-8", utf8.StandardError + utf8.StandardOutput);
        Assert.DoesNotContain("connecting to", utf8.StandardOutput);

        var cr = await ReplayAsync(await WriteAsync("EHLO x\nNOOP\nMAIL FROM:<a@b>\rRCPT TO:<c@d>\n"), Plain);
        AssertExit(2, cr);
        Assert.Contains(":3: the line contains a CR", cr.StandardError + cr.StandardOutput);
        Assert.DoesNotContain("connecting to", cr.StandardOutput);

        var host = await ReplayAsync(await WriteAsync("EHLO x\n"), ["--host", "127.0.0.1\r\nC: RCPT TO:<x@y>", "--port", Port(servers.Ports.Smtp)]);
        AssertExit(2, host);
        Assert.Contains("--host", host.StandardError);
    }

    [Fact]
    public async Task F12_GreetingTimeoutExitsThree_ExpectFailureNamesTheLine_ExplainReadsStdin()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var accept = silent.AcceptTcpClientAsync();
        var timeout = await ReplayAsync(await WriteAsync("EHLO x\n"), ["--host", "127.0.0.1", "--port", Port(((IPEndPoint)silent.LocalEndpoint).Port), "--timeout", "1"]);
        AssertExit(3, timeout);
        (await accept).Dispose();

        string script = await WriteAsync("/ehlo x\nNOOP\n/expect 252\nQUIT\n");
        var failed = await ReplayAsync(script, Plain);
        AssertExit(1, failed);
        Assert.Contains($"{script}:3: expected 252, got 250", failed.StandardOutput);

        var explain = await AppProcess.RunAsync(["explain", "-"], standardInput: "550 5.1.1 <nobody@example.test>: Recipient address rejected: User unknown\n");
        Assert.Equal(0, explain.ExitCode);
        Assert.Contains("5.1.1", explain.StandardOutput);
    }
}
