using System.Globalization;
using System.Text;
using CsCheck;
using SmtpConsole.Core.Commands;
using SmtpConsole.Core.Scripts;
using SmtpConsole.Core.Session;
using SmtpConsole.Core.Transcript;
using SmtpConsole.IntegrationTests.Infrastructure;
using SmtpConsole.PracticeServer;

namespace SmtpConsole.IntegrationTests.Scripts;

/// <summary>
/// The record → replay guarantee (issue 12, docs/scripts.md): a generated session run with a saved transcript, then the
/// transcript replayed, must exit 0 both times, put the same client lines on the wire (SASL responses, which carry
/// secrets and fresh nonces, aside) and deliver the same message. Against real Postfix (submission with STARTTLS and
/// AUTH, and the plain MTA port) and the practice server. Fixed seed so CI is repeatable; a longer run:
/// <c>ROUNDTRIP_ITERATIONS=200 ROUNDTRIP_SEED= tests/roundtrip-long.sh</c>.
/// </summary>
[Collection("LocalServers")]
public class RoundTripPropertyTests(LocalServers servers)
{
    private const string DefaultSeed = "0N0XIzNsQ0O2";

    private static readonly string[] BodyLines =
    [
        "hello", ".starts with a dot", "..two dots", "# looks like a comment", "", "ünïcödé line", "C: looks like a client line",
        "S: 250 looks like a reply", "/data looks like a helper", "tab\tinside", "  leading spaces",
    ];

    /// <summary>Where a session goes: Postfix submission (STARTTLS + AUTH), the Postfix MTA port (plain), the practice server.</summary>
    private enum Target { Submission, PostfixPlain, Practice }

    private sealed record MessageSpec(int Kind, string[] Body, bool ExpectAfter, bool ExpectGroup);

    private sealed record SessionSpec(Target Target, int Mechanism, bool HandTyped, bool WrongFirst, bool ExpectAuth, bool RefusedStep, bool RawEhlo, MessageSpec[] Messages, bool Noop, bool ExpectQuit)
    {
        public override string ToString() => $"{Target} mech#{Mechanism} handTyped={HandTyped} wrongFirst={WrongFirst} refused={RefusedStep} messages=[{string.Join(", ", Messages.Select(m => $"kind {m.Kind}: {m.Body.Length} lines"))}]";
    }

    private static readonly Gen<MessageSpec> MessageGen =
        Gen.Select(Gen.Int[0, 5], Gen.OneOf(BodyLines).Array[0, 4], Gen.Bool, Gen.Bool, (k, b, e, g) => new MessageSpec(k, b, e, g));

    private static readonly Gen<SessionSpec> SessionGen =
        Gen.Select(Gen.Enum<Target>(), Gen.Int[0, 5], Gen.Bool, Gen.Bool, Gen.Bool, Gen.Bool, Gen.Bool)
            .Select(MessageGen.Array[1, 2], Gen.Bool, Gen.Bool,
                (a, m, noop, quit) => new SessionSpec(a.Item1, a.Item2, a.Item3, a.Item4, a.Item5, a.Item6, a.Item7, m, noop, quit));

    [Fact]
    public async Task GeneratedSessions_ReplayFromTheirTranscript_SameWireSameMessage()
    {
        long iterations = long.TryParse(Environment.GetEnvironmentVariable("ROUNDTRIP_ITERATIONS"), out long n) ? n : 24;
        string seed = Environment.GetEnvironmentVariable("ROUNDTRIP_SEED") is { Length: > 0 } s ? s : DefaultSeed;
        await using var practice = await PracticeSmtpServer.StartAsync(new PracticeServerOptions());
        int run = 0;
        await SessionGen.SampleAsync(async spec => await RoundTripAsync(spec, practice, Interlocked.Increment(ref run)), seed: seed, iter: iterations, threads: 1);
    }

    private async Task RoundTripAsync(SessionSpec spec, PracticeSmtpServer practice, int run)
    {
        string folder = Path.Combine(Path.GetTempPath(), $"roundtrip-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            var (script, tokens, password) = Build(spec, folder, run);
            string transcript = Path.Combine(folder, "session.log");
            var recorded = await RunAsync(ScriptReader.Read(script, "generated.smtp"), practice, folder, transcript, new Dictionary<string, string> { ["PASS"] = password, ["B64PASS"] = Base64(password) });
            Assert.True(recorded.Exit == ExitCodes.Success, $"recording run failed ({spec}):\n{script}\n---\n{recorded.Dump}");

            string saved = await File.ReadAllTextAsync(transcript);
            Assert.DoesNotContain(Base64(password), saved);
            Assert.DoesNotContain(Base64($"\0{(spec.Target == Target.Practice ? "demo" : servers.Alice.Name)}\0{password}"), saved);
            if (spec.Target != Target.Practice) Assert.DoesNotContain(password, saved); // the practice password is also the target's name
            var document = ScriptReader.Read(saved, transcript);
            Assert.All(document.Variables, v => Assert.Equal(ScriptReader.PasswordVariable, v));
            var replayed = await RunAsync(document, practice, folder, null, new Dictionary<string, string> { [ScriptReader.PasswordVariable] = password });
            Assert.True(replayed.Exit == ExitCodes.Success, $"replay failed ({spec}):\n{saved}\n---\n{replayed.Dump}");
            Assert.Equal(recorded.Wire, replayed.Wire);

            foreach (var (token, body) in tokens)
            {
                var delivered = await DeliveredAsync(spec.Target, practice, token);
                Assert.Equal(delivered[0], delivered[1]);
                foreach (var line in body) Assert.Contains("\n" + line + "\n", delivered[0]);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private (string Script, List<(string Token, string[] Body)> Tokens, string Password) Build(SessionSpec spec, string folder, int run)
    {
        var sb = new StringBuilder();
        var tokens = new List<(string, string[])>();
        string[] mechanisms = spec.Target == Target.Practice ? ["login", "plain", "cram-md5"] : ["login", "plain", "cram-md5", "digest-md5", "scram-sha-1", "scram-sha-256"];
        string mechanism = mechanisms[spec.Mechanism % mechanisms.Length];
        string user = spec.Target == Target.Practice ? "demo" : servers.Alice.Name;
        string password = spec.Target == Target.Practice ? "practice" : servers.Alice.Password;
        string from = spec.Target == Target.Practice ? "demo@practice.smtpconsole.test" : servers.Alice.Address;
        string to = spec.Target == Target.Practice ? "friend@practice.smtpconsole.test" : servers.Bob.Address;
        string ehlo = spec.RawEhlo ? "EHLO gen.example" : "/ehlo gen.example";

        switch (spec.Target)
        {
            case Target.Submission:
                sb.AppendLine(CultureInfo.InvariantCulture, $"/connect {servers.Host} {servers.Ports.Submission} --starttls");
                break;
            case Target.PostfixPlain:
                sb.AppendLine(CultureInfo.InvariantCulture, $"/connect {servers.Host} {servers.Ports.Smtp} --plain");
                break;
            default:
                sb.AppendLine("/connect practice").AppendLine(ehlo).AppendLine("/starttls");
                break;
        }
        sb.AppendLine(ehlo);
        if (spec.Target != Target.PostfixPlain)
        {
            if (spec.WrongFirst) sb.AppendLine(CultureInfo.InvariantCulture, $"/auth {mechanism} {user} WRONG-{run}").AppendLine("/expect 535");
            if (spec.HandTyped) sb.AppendLine("AUTH LOGIN").AppendLine(Base64(user)).AppendLine("${B64PASS}");
            else sb.AppendLine(CultureInfo.InvariantCulture, $"/auth {mechanism} {user} ${{PASS}}");
            if (spec.ExpectAuth || spec.HandTyped) sb.AppendLine("/expect 235");
        }
        if (spec.RefusedStep) sb.AppendLine("DATA").AppendLine("/expect 5xx");
        int k = 0;
        foreach (var message in spec.Messages)
        {
            string token = $"rt-{run}-{k++}-{Guid.NewGuid():N}";
            string[] headers = [$"Subject: {token}", $"From: <{from}>", $"To: <{to}>", "Date: Mon, 07 Dec 2026 12:00:00 +0000", $"Message-ID: <{token}@gen.example>", ""];
            string[] all = [.. headers, .. message.Body];
            tokens.Add((token, message.Body.Where(l => l.Length > 0).ToArray()));
            string mail = $"MAIL FROM:<{from}>", rcpt = $"RCPT TO:<{to}>";
            int kind = message.Kind;
            switch (kind)
            {
                case 0:
                    sb.AppendLine(mail).AppendLine(rcpt).AppendLine("DATA");
                    AppendBody(sb, all);
                    break;
                case 1:
                    sb.AppendLine(mail).AppendLine(rcpt).AppendLine("/data");
                    AppendBody(sb, all);
                    break;
                case 2:
                    sb.AppendLine("/pipeline").AppendLine(mail).AppendLine(rcpt).AppendLine("DATA").AppendLine("/end");
                    if (message.ExpectGroup) sb.AppendLine("/expect 250").AppendLine("/expect 250").AppendLine("/expect 354");
                    AppendBody(sb, all);
                    break;
                case 3:
                    sb.AppendLine("/pipeline").AppendLine(mail).AppendLine(rcpt).AppendLine("/end");
                    if (message.ExpectGroup) sb.AppendLine("/expect 2xx").AppendLine("/expect 250");
                    sb.AppendLine("/data");
                    AppendBody(sb, all);
                    break;
                default:
                    string file = Path.Combine(folder, token + ".eml");
                    File.WriteAllText(file, string.Concat(all.Select(l => l + "\r\n")), new UTF8Encoding(false));
                    sb.AppendLine(mail).AppendLine(rcpt).AppendLine(kind == 4 ? $"/data @{file}" : $"/bdat @{file} --chunk 97");
                    break;
            }
            if (message.ExpectAfter) sb.AppendLine("/expect 250");
        }
        if (spec.Noop) sb.AppendLine("NOOP").AppendLine("/expect 250");
        sb.AppendLine("QUIT");
        if (spec.ExpectQuit) sb.AppendLine("/expect 221");
        return (sb.ToString(), tokens, password);
    }

    /// <summary>Body lines as a person writes them in a plain script: '#' lines escaped, the lone '.' at the end.</summary>
    private static void AppendBody(StringBuilder sb, string[] lines)
    {
        foreach (var line in lines) sb.AppendLine(line.StartsWith('#') ? "\\" + line : line);
        sb.AppendLine(".");
    }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private sealed record RunResult(int Exit, List<string> Wire, string Dump);

    private async Task<RunResult> RunAsync(ScriptDocument script, PracticeSmtpServer practice, string folder, string? transcript, IReadOnlyDictionary<string, string> variables)
    {
        var recorder = new TranscriptRecorder();
        var events = new List<TranscriptEvent>();
        recorder.Recorded += e =>
        {
            lock (events) events.Add(e);
        };
        using var file = transcript is null ? null : new TranscriptFileSink(transcript, json: false);
        if (file is not null) recorder.AddSink(file);
        var defaults = new ConnectOptions
        {
            Host = servers.Host,
            Port = servers.Ports.Smtp,
            CaFile = servers.CaFile,
            EhloName = "gen.example",
            ReplyTimeout = TimeSpan.FromSeconds(15),
        };
        var practiceOptions = defaults with
        {
            Host = practice.EndPoint.Address.ToString(),
            Port = practice.Port,
            Security = SecurityMode.Plain,
            PinnedCertificate = practice.Certificate,
            TlsServerName = practice.HostName,
            CaFile = null,
            Label = "practice server",
            ScriptName = "practice",
        };
        await using var session = new SmtpSession(recorder);
        var runner = new CommandRunner(session, NonInteractive.Instance, new RunnerSettings
        {
            Defaults = defaults,
            BaseDirectory = folder,
            ResolveProfile = name => name == "practice" ? practiceOptions : null,
        });
        int exit = await new ScriptStepper(runner, script, variables).RunToEndAsync();
        List<TranscriptEvent> snapshot;
        lock (events) snapshot = [.. events];
        return new RunResult(exit, Wire(snapshot), string.Join('\n', snapshot.SelectMany(e => TranscriptTextFormat.FormatLines(e))));
    }

    /// <summary>The client lines sent; an AUTH command keeps its verb and mechanism, SASL responses become one marker.</summary>
    private static List<string> Wire(List<TranscriptEvent> events)
    {
        var wire = new List<string>();
        int lastCode = 0;
        foreach (var e in events)
        {
            if (e.Kind == TranscriptEventKind.Reply && e.Reply is { } reply) lastCode = reply.Code;
            if (e.Kind != TranscriptEventKind.Send) continue;
            var words = e.Text.Split(' ');
            if (words[0].Equals("AUTH", StringComparison.OrdinalIgnoreCase)) wire.Add("AUTH " + (words.Length > 1 ? words[1].ToUpperInvariant() : string.Empty));
            else if (lastCode == 334) wire.Add("<sasl response>");
            else wire.Add(e.Text);
            lastCode = 0;
        }
        return wire;
    }

    /// <summary>The two deliveries (recording and replay) of the message with this token, from its Subject line on.</summary>
    private async Task<List<string>> DeliveredAsync(Target target, PracticeSmtpServer practice, string token)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            List<string> found;
            if (target == Target.Practice)
            {
                found = practice.Inbox.Messages.Select(m => Encoding.UTF8.GetString(m.RawBytes)).Where(m => m.Contains(token, StringComparison.Ordinal)).ToList();
            }
            else
            {
                string dir = Path.Combine(servers.MailDir, "bob", "new");
                found = Directory.Exists(dir) ? Directory.GetFiles(dir).Select(File.ReadAllText).Where(m => m.Contains(token, StringComparison.Ordinal)).ToList() : [];
            }
            if (found.Count >= 2 || DateTime.UtcNow > deadline)
            {
                Assert.True(found.Count == 2, $"expected the message {token} twice, found {found.Count}");
                return found.Select(m => m.Replace("\r\n", "\n", StringComparison.Ordinal)).Select(m => m[m.IndexOf("Subject: " + token, StringComparison.Ordinal)..]).ToList();
            }
            await Task.Delay(100);
        }
    }
}
