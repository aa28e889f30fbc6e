using System.Text;
using System.Text.Json;
using CsCheck;
using SmtpConsole.Core.Commands;
using SmtpConsole.Core.Session;
using SmtpConsole.Core.Transcript;
using SmtpConsole.IntegrationTests.Infrastructure;
using SmtpConsole.IntegrationTests.Support;
using SmtpConsole.App;

namespace SmtpConsole.IntegrationTests.Engine;

/// <summary>
/// Issue 13 item 2, as a property against the real Postfix + Dovecot: for generated secrets typed every way the
/// command language allows (tab-separated AUTH, a lost separator, AUTH LOGIN answered line by line or inside
/// /pipeline, the helpers, /b64, a mistyped helper), no form of the secret (itself, its Base64, the whole PLAIN
/// response) appears in the text transcript, the JSON transcript, the session log or the history file.
/// </summary>
[Collection("LocalServers")]
public class SecretLeakPropertyTests(LocalServers servers)
{
    private static readonly Gen<string> Secrets =
        Gen.String[Gen.Char["abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789!#%&*+,-./:;=?@^_~"], 10, 28].Select(s => "Zq" + s);

    private static string B64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private string[] Lines(int form, string secret)
    {
        string user = servers.Alice.Name;
        string plain = B64($"\0{user}\0{secret}");
        return form switch
        {
            0 => [$"AUTH\tPLAIN\t{plain}"],
            1 => [$"AUTH PLAIN{plain}"],
            2 => ["AUTH LOGIN", B64(user), B64(secret)],
            3 => ["AUTH LOGIN", "/pipeline", B64(user), B64(secret), "/end"],
            4 => [$"/auth login {user} {secret}"],
            5 => [$"/b64 {secret}", $"/unb64 {B64(secret)}"],
            6 => [$"/atuh login {user} {secret}", $"/auth\tplain\t{user}\t{secret}"],
            7 => ["AUTH PLAIN", plain],
            8 => [$"AUTH \t LOGIN\t{B64(user)}", B64(secret)],
            _ => [$"/auth plain {user} {secret}", $"AUTH  PLAIN  {plain}"],
        };
    }

    [Fact]
    public async Task GeneratedSecrets_TypedEveryWay_NeverInAnySavedFile()
    {
        int checkedForms = 0;
        await Gen.Select(Secrets, Gen.Int[0, 9]).SampleAsync(async sample =>
        {
            var (secret, form) = sample;
            string folder = Path.Combine(Path.GetTempPath(), "smtpconsole-leak-" + Guid.NewGuid().ToString("N"));
            try
            {
                await RunFormAsync(folder, Lines(form, secret));
                string[] forms = [secret, B64(secret), B64($"\0{servers.Alice.Name}\0{secret}")];
                foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
                {
                    string content = Readable(file);
                    foreach (var f in forms)
                        Assert.False(content.Contains(f, StringComparison.Ordinal), $"form {form}: {Path.GetFileName(file)} holds \"{f}\"\n{content}");
                }
                Interlocked.Increment(ref checkedForms);
            }
            finally
            {
                if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
            }
        }, iter: 40, threads: 1);
        Assert.Equal(40, checkedForms);
    }

    private async Task RunFormAsync(string folder, string[] lines)
    {
        await using var h = new EngineHarness(servers.EngineOptions(servers.Ports.Submission, SecurityMode.StartTls));
        using var text = new TranscriptFileSink(Path.Combine(folder, "transcript.log"), json: false);
        using var json = new TranscriptFileSink(Path.Combine(folder, "transcript.jsonl"), json: true);
        using var log = SessionLog.Open(folder, DateTimeOffset.UtcNow, servers.Host);
        h.Recorder.AddSink(text);
        h.Recorder.AddSink(json);
        h.Recorder.AddSink(log);
        var history = CommandHistory.Load(DataDirectory.HistoryFile(folder));
        Assert.Equal(StepStatus.Ok, (await h.Runner.ConnectToAsync(h.Options)).Status);
        Assert.True(h.Session.IsTls, h.Dump());
        foreach (var line in new[] { "/ehlo client.example.test" }.Concat(lines))
        {
            // What SessionController does with a typed line: judge it for the history, then run it.
            if (HistoryPolicy.EntryFor(line, h.Runner.Mode, h.Runner.LastResult?.Reply?.Code) is { } entry) history.Add(entry);
            await h.Runner.ExecuteAsync(line);
        }
        if (h.Session.IsConnected) await h.Session.QuitAsync();
        Assert.True(File.Exists(DataDirectory.HistoryFile(folder)));
    }

    /// <summary>The file as text, JSON lines decoded (a JSON writer escapes '+' and '/', which would hide a match).</summary>
    private static string Readable(string path)
    {
        string raw = File.ReadAllText(path);
        if (!path.EndsWith(".jsonl", StringComparison.Ordinal)) return raw;
        var decoded = new StringBuilder();
        foreach (var line in raw.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var document = JsonDocument.Parse(line);
            Append(document.RootElement, decoded);
        }
        return decoded.ToString();
    }

    private static void Append(JsonElement element, StringBuilder into)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in element.EnumerateObject()) Append(p.Value, into);
                break;
            case JsonValueKind.Array:
                foreach (var e in element.EnumerateArray()) Append(e, into);
                break;
            case JsonValueKind.String:
                into.Append(element.GetString()).Append('\n');
                break;
        }
    }
}
