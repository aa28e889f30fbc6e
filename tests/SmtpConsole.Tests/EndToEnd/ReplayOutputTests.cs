using System.Diagnostics;
using System.Text;
using SmtpConsole.Tests.Support;

namespace SmtpConsole.Tests.EndToEnd;

/// <summary>
/// <c>replay</c> with stdout redirected batches its output: it must still reach the reader while the process waits
/// for a server, and the <c>--transcript</c> file must hold every event, each line whole, when the process is
/// killed (SIGKILL: nothing runs on the way out) while it waits.
/// </summary>
public sealed class ReplayOutputTests : IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("replay-output-").FullName;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    [Fact]
    public async Task KilledWhileWaiting_TranscriptFileIsWhole_AndRedirectedStdoutAlreadyHasEverything()
    {
        await using var server = ScriptedSmtpServer.Start("220 hold.example.test ESMTP", "250 hold.example.test", "250 2.0.0 first", ScriptedReply.Silence);
        string script = Path.Combine(_scratch, "hold.smtp");
        await File.WriteAllTextAsync(script, "EHLO client.example.test\nNOOP first\nNOOP never answered\n");
        string transcript = Path.Combine(_scratch, "session.log");

        using var process = Start(["replay", script, "--host", "127.0.0.1", "--port", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--plain", "--transcript", transcript]);
        var stdout = new StringBuilder();
        var reading = Task.Run(async () =>
        {
            var buffer = new char[4096];
            int n;
            while ((n = await process.StandardOutput.ReadAsync(buffer)) > 0)
                lock (stdout) stdout.Append(buffer, 0, n);
        });
        try
        {
            Assert.True(await server.WaitForCommandsAsync(3, TimeSpan.FromSeconds(30)), "the third command never arrived");
            // The process now waits for a reply that never comes; the batch before it must reach the pipe anyway.
            string expected = "C: NOOP never answered\n";
            var deadline = Stopwatch.StartNew();
            while (!Snapshot(stdout).Contains(expected, StringComparison.Ordinal) && deadline.Elapsed < TimeSpan.FromSeconds(10)) await Task.Delay(20);
            Assert.Contains(expected, Snapshot(stdout));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        await reading;

        string[] wire = ["S: 220 hold.example.test ESMTP", "C: EHLO client.example.test", "S: 250 hold.example.test", "C: NOOP first", "S: 250 2.0.0 first", "C: NOOP never answered"];
        string saved = await File.ReadAllTextAsync(transcript);
        Assert.EndsWith("\n", saved);
        Assert.Equal(wire, saved.Split('\n').Where(l => l.StartsWith("C: ", StringComparison.Ordinal) || l.StartsWith("S: ", StringComparison.Ordinal)));
        Assert.Equal(wire, Snapshot(stdout).Split('\n').Where(l => l.StartsWith("C: ", StringComparison.Ordinal) || l.StartsWith("S: ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task RedirectedStdout_ManyEvents_AllThereInOrder_TextAndJson()
    {
        var replies = new List<ScriptedReply> { "220 many.example.test ESMTP" };
        var lines = new StringBuilder();
        for (int i = 0; i < 500; i++)
        {
            replies.Add($"250 2.0.0 ok {i}");
            lines.Append(System.Globalization.CultureInfo.InvariantCulture, $"NOOP {i}\n");
        }
        replies.Add("221 bye");
        lines.Append("QUIT\n");
        string script = Path.Combine(_scratch, "many.smtp");
        await File.WriteAllTextAsync(script, lines.ToString());

        foreach (bool json in new[] { false, true })
        {
            await using var server = ScriptedSmtpServer.Start([.. replies]);
            string[] arguments = ["replay", script, "--host", "127.0.0.1", "--port", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--plain"];
            using var process = Start(json ? [.. arguments, "--json"] : arguments);
            string output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.Equal(0, process.ExitCode);
            var replyTexts = json
                ? output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement)
                    .Where(e => e.GetProperty("kind").GetString() == "reply").Select(e => "S: " + e.GetProperty("text").GetString()).ToList()
                : output.Split('\n').Where(l => l.StartsWith("S: ", StringComparison.Ordinal)).ToList();
            Assert.Equal(["S: 220 many.example.test ESMTP", .. Enumerable.Range(0, 500).Select(i => $"S: 250 2.0.0 ok {i}"), "S: 221 bye"], replyTexts);
        }
    }

    private static string Snapshot(StringBuilder text)
    {
        lock (text) return text.ToString();
    }

    private static Process Start(string[] arguments)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "smtpconsole.dll");
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var info = new ProcessStartInfo(dotnet)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        foreach (string argument in arguments) info.ArgumentList.Add(argument);
        info.Environment["NO_COLOR"] = "1";
        var process = Process.Start(info)!;
        process.StandardInput.Close();
        _ = process.StandardError.ReadToEndAsync();
        return process;
    }
}
