using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;

namespace SmtpConsole.IntegrationTests.Infrastructure;

/// <summary>
/// Collection fixture for the real test mail servers (Postfix + Dovecot,
/// aiosmtpd, smtp-sink) run by tests/servers/start.sh. Reads servers.json
/// from $SMTPCONSOLE_TEST_SERVERS or tests/servers/.run/; if the servers are
/// not up it runs start.sh itself, so a plain `dotnet test` works. It never
/// skips: when the servers cannot be started the tests fail with the reason.
/// </summary>
public sealed class LocalServers : IAsyncLifetime
{
    /// <summary>Environment variable test.sh sets to the absolute path of servers.json.</summary>
    public const string ServersFileVariable = "SMTPCONSOLE_TEST_SERVERS";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    private ServersDocument? document;
    private X509Certificate2? caCertificate;
    private bool startedByFixture;

    /// <summary>Address every listener binds to (127.0.0.1).</summary>
    public string Host => Document.Host ?? "127.0.0.1";

    /// <summary>The local mail domain (example.test); strict.example.test knows only alice and bob.</summary>
    public string Domain => Document.Domain ?? "example.test";

    public ServerPorts Ports => Document.Ports ?? throw Broken("ports");

    /// <summary>PEM file of the test CA, the only root that trusts the servers' certificates.</summary>
    public string CaFile => Document.CaFile ?? throw Broken("caFile");

    /// <summary>The test CA, loaded.</summary>
    public X509Certificate2 CaCertificate => caCertificate ??= X509CertificateLoader.LoadCertificateFromFile(CaFile);

    public string ServerCertFile => Document.ServerCertFile ?? throw Broken("serverCertFile");

    public string ExpiredCertFile => Document.ExpiredCertFile ?? throw Broken("expiredCertFile");

    public string WrongHostCertFile => Document.WrongHostCertFile ?? throw Broken("wrongHostCertFile");

    /// <summary>A self-signed localhost certificate unrelated to the CA (not served on any port).</summary>
    public string SelfSignedCertFile => Document.SelfSignedCertFile ?? throw Broken("selfSignedCertFile");

    /// <summary>virtual_mailbox_base: mail for alice@ lands in MailDir/alice/new/, unknown @example.test users in catchall/, relayed mail in relayed/.</summary>
    public string MailDir => Document.MailDir ?? throw Broken("mailDir");

    /// <summary>Where aiosmtpd stores &lt;n&gt;.eml and &lt;n&gt;.json.</summary>
    public string AiosmtpdDir => Document.AiosmtpdDir ?? throw Broken("aiosmtpdDir");

    /// <summary>Where nodemailer's smtp-server stores each message (&lt;n&gt;.eml + &lt;n&gt;.json, as aiosmtpd does).</summary>
    public string SmtpServerDir => Document.SmtpServerDir ?? throw Broken("smtpServerDir");

    /// <summary>Postfix's maillog_file, for diagnostics.</summary>
    public string? PostfixLog => Document.PostfixLog;

    /// <summary>Exim delivers alice@ and bob@ to Maildirs under this folder (EximMailDir/bob/new/).</summary>
    public string EximMailDir => Document.EximMailDir ?? throw Broken("eximMailDir");

    /// <summary>Exim's mainlog, for diagnostics.</summary>
    public string? EximLog => Document.EximLog;

    public IReadOnlyList<TestUser> Users => Document.Users ?? throw Broken("users");

    public TestUser Alice => User("alice");

    public TestUser Bob => User("bob");

    private ServersDocument Document => document ?? throw new InvalidOperationException("LocalServers used before InitializeAsync.");

    public TestUser User(string name) =>
        Users.FirstOrDefault(u => u.Name == name) ?? throw new ArgumentException($"No test user '{name}' in servers.json.", nameof(name));

    public async Task InitializeAsync()
    {
        var path = LocateServersFile();
        if (path is null || !await IsHealthyAsync(path).ConfigureAwait(false))
        {
            await RunServersScriptAsync("start.sh").ConfigureAwait(false);
            startedByFixture = true;
            path = LocateServersFile()
                ?? throw new InvalidOperationException($"tests/servers/start.sh succeeded but wrote no servers.json under {RepositoryPaths.ServersDirectory}.");
            if (!await IsHealthyAsync(path).ConfigureAwait(false))
            {
                throw new InvalidOperationException($"tests/servers/start.sh succeeded but the ports in {path} do not all greet with 220.");
            }
        }

        document = Load(path);
    }

    public async Task DisposeAsync()
    {
        caCertificate?.Dispose();
        // Servers this fixture started would otherwise outlive `dotnet test`;
        // ones started by test.sh (or by hand) are left to whoever started them.
        if (startedByFixture && Environment.GetEnvironmentVariable("SMTPCONSOLE_KEEP_SERVERS") != "1")
        {
            await RunServersScriptAsync("stop.sh").ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Waits until a message matching <paramref name="match"/> (given the raw
    /// file text) is delivered to <paramref name="user"/>'s Maildir (new/), and
    /// returns its raw text. "catchall" and "relayed" are valid folder names too.
    /// </summary>
    public async Task<string> WaitForDeliveredMessageAsync(string user, Func<string, bool> match, TimeSpan timeout)
    {
        var folder = Path.Combine(MailDir, user, "new");
        var found = await PollAsync(
            () => ReadMatching(folder, "*", match),
            timeout).ConfigureAwait(false);
        return found ?? throw new TimeoutException(
            $"No matching message in {folder} after {timeout.TotalSeconds:0.#} s ({CountFiles(folder, "*")} other message(s) there). {PostfixLogTail()}");
    }

    /// <summary>Waits until Exim has delivered a message matching <paramref name="match"/> to <paramref name="user"/>, and returns its raw text.</summary>
    public async Task<string> WaitForEximDeliveryAsync(string user, Func<string, bool> match, TimeSpan timeout)
    {
        var folder = Path.Combine(EximMailDir, user, "new");
        var found = await PollAsync(() => ReadMatching(folder, "*", match), timeout).ConfigureAwait(false);
        return found ?? throw new TimeoutException(
            $"No matching message in {folder} after {timeout.TotalSeconds:0.#} s ({CountFiles(folder, "*")} other message(s) there). {LogTail(EximLog, "Exim")}");
    }

    /// <summary>Waits for a message captured by aiosmtpd whose raw text matches, and returns that text.</summary>
    public async Task<string> WaitForAiosmtpdMessageAsync(Func<string, bool> match, TimeSpan timeout) =>
        (await WaitForAiosmtpdCaptureAsync(m => match(m.Raw), timeout).ConfigureAwait(false)).Raw;

    /// <summary>Waits for a message captured by aiosmtpd (raw text plus envelope) that matches.</summary>
    public Task<AiosmtpdMessage> WaitForAiosmtpdCaptureAsync(Func<AiosmtpdMessage, bool> match, TimeSpan timeout) =>
        WaitForCaptureAsync(AiosmtpdDir, "aiosmtpd", match, timeout);

    /// <summary>Waits for a message captured by nodemailer's smtp-server (raw text plus envelope) that matches.</summary>
    public Task<AiosmtpdMessage> WaitForSmtpServerCaptureAsync(Func<AiosmtpdMessage, bool> match, TimeSpan timeout) =>
        WaitForCaptureAsync(SmtpServerDir, "smtp-server", match, timeout);

    private static async Task<AiosmtpdMessage> WaitForCaptureAsync(string folder, string server, Func<AiosmtpdMessage, bool> match, TimeSpan timeout)
    {
        var found = await PollAsync(
            () =>
            {
                foreach (var file in Files(folder, "*.eml"))
                {
                    var message = ReadAiosmtpd(file);
                    if (message is not null && match(message))
                    {
                        return message;
                    }
                }

                return null;
            },
            timeout).ConfigureAwait(false);
        return found ?? throw new TimeoutException(
            $"No matching message captured by {server} in {folder} after {timeout.TotalSeconds:0.#} s ({CountFiles(folder, "*.eml")} other message(s) there).");
    }

    private static async Task<T?> PollAsync<T>(Func<T?> probe, TimeSpan timeout)
        where T : class
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var result = probe();
            if (result is not null || clock.Elapsed >= timeout)
            {
                return result;
            }

            await Task.Delay(50).ConfigureAwait(false);
        }
    }

    private static string? ReadMatching(string folder, string pattern, Func<string, bool> match)
    {
        foreach (var file in Files(folder, pattern))
        {
            var text = ReadText(file);
            if (text is not null && match(text))
            {
                return text;
            }
        }

        return null;
    }

    private static AiosmtpdMessage? ReadAiosmtpd(string emlFile)
    {
        var raw = ReadText(emlFile);
        var json = ReadText(Path.ChangeExtension(emlFile, ".json"));
        if (raw is null || json is null)
        {
            return null;
        }

        var envelope = JsonSerializer.Deserialize<AiosmtpdEnvelope>(json, JsonOptions) ?? new AiosmtpdEnvelope();
        return new AiosmtpdMessage
        {
            Raw = raw,
            FilePath = emlFile,
            MailFrom = envelope.MailFrom,
            RcptTos = envelope.RcptTos ?? [],
            MailOptions = envelope.MailOptions ?? [],
            RcptOptions = envelope.RcptOptions ?? [],
            SmtpUtf8 = envelope.SmtpUtf8,
            Tls = envelope.Tls,
            AuthenticatedAs = envelope.AuthenticatedAs,
            Helo = envelope.Helo,
        };
    }

    private static IEnumerable<string> Files(string folder, string pattern) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, pattern).Where(f => !f.EndsWith(".tmp", StringComparison.Ordinal)).Order(StringComparer.Ordinal)
            : [];

    private static int CountFiles(string folder, string pattern) => Files(folder, pattern).Count();

    private static string? ReadText(string file)
    {
        try
        {
            return File.ReadAllText(file, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (UnauthorizedAccessException e)
        {
            throw new InvalidOperationException(
                $"Cannot read {file}: delivered mail is owned by the mailbox uid chosen by start.sh. Start the servers with `sudo tests/servers/start.sh` from your own account, or run the tests as root.",
                e);
        }
    }

    private string PostfixLogTail() => LogTail(PostfixLog, "Postfix");

    private static string LogTail(string? log, string server)
    {
        if (log is null || !File.Exists(log))
        {
            return string.Empty;
        }

        var lines = File.ReadAllLines(log);
        return $"{server} log tail:" + Environment.NewLine + string.Join(Environment.NewLine, lines.Skip(Math.Max(0, lines.Length - 15)));
    }

    private static string? LocateServersFile()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(ServersFileVariable);
        if (!string.IsNullOrEmpty(fromEnvironment) && File.Exists(fromEnvironment))
        {
            return fromEnvironment;
        }

        var inCheckout = Path.Combine(RepositoryPaths.ServersDirectory, ".run", "servers.json");
        return File.Exists(inCheckout) ? inCheckout : null;
    }

    private static ServersDocument Load(string path)
    {
        var doc = JsonSerializer.Deserialize<ServersDocument>(File.ReadAllText(path), JsonOptions)
            ?? throw new InvalidOperationException($"{path} is empty.");
        if (doc.Ports is null || doc.Users is null || doc.CaFile is null || doc.MailDir is null || doc.AiosmtpdDir is null)
        {
            throw new InvalidOperationException($"{path} lacks ports, users, caFile, mailDir or aiosmtpdDir; rerun tests/servers/start.sh --restart.");
        }

        return doc;
    }

    private static async Task<bool> IsHealthyAsync(string path)
    {
        ServersDocument doc;
        try
        {
            doc = Load(path);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or IOException)
        {
            return false;
        }

        var host = doc.Host ?? "127.0.0.1";
        var p = doc.Ports!;
        var probes = new (int Port, bool Tls)[]
        {
            (p.Smtp, false), (p.Submission, false), (p.SubmissionNoPlaintext, false), (p.SubmissionPlainAuth, false),
            (p.Smtps, true), (p.SmtpsExpired, true), (p.SmtpsWrongHost, true), (p.Aiosmtpd, false), (p.Sink, false),
            (p.SmtpServer, false), (p.SmtpServerTls, true), (p.Exim, false), (p.EximTls, true), (p.EximBrokenTls, false),
        };
        var results = await Task.WhenAll(probes.Select(x => SmtpGreetingProbe.GreetsAsync(host, x.Port, x.Tls, ProbeTimeout))).ConfigureAwait(false);
        return results.All(ok => ok);
    }

    private static async Task RunServersScriptAsync(string script)
    {
        var path = Path.Combine(RepositoryPaths.ServersDirectory, script);
        var psi = new ProcessStartInfo("bash", [path])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"Could not run {path}.");
        process.StandardInput.Close();
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var cts = new CancellationTokenSource(StartTimeout);
        try
        {
            await process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{path} did not finish within {StartTimeout.TotalMinutes} min. Output:{Environment.NewLine}{Snapshot(output)}");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"The integration tests need the local mail servers, and {path} failed (exit {process.ExitCode}). Output:{Environment.NewLine}{Snapshot(output)}");
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    private static InvalidOperationException Broken(string field) =>
        new($"servers.json has no '{field}'; rerun tests/servers/start.sh --restart.");
}
