using System.Globalization;
using System.Text;
using SmtpConsole.IntegrationTests.Infrastructure;
using SmtpConsole.IntegrationTests.Support;

namespace SmtpConsole.IntegrationTests.Scripts;

/// <summary>
/// Record → replay keeps the bytes of lines the transcript must show escaped. A zero-width joiner inside an emoji, a
/// soft hyphen or a BOM in a message body were saved as <c>\u200d</c>-style text (the neutraliser keeps files safe to
/// view) and replay sent those six characters instead, exiting 0 over a changed message. Now an <c>E:</c> line after
/// such a <c>C:</c> line holds the exact text, and replay delivers the same bytes — against aiosmtpd and nodemailer's
/// smtp-server, through the real <c>smtpconsole replay --transcript</c>.
/// </summary>
[Collection("LocalServers")]
public class TranscriptExactTextTests(LocalServers servers)
{
    // U+200D inside the emoji, U+00AD (soft hyphen), U+FEFF (BOM) and U+200B: all shown escaped in a transcript.
    private const string Escaped = "family \U0001F469\u200D\U0001F4BB coder, Silben\u00ADtrennung, \uFEFFbom, zero\u200Bwidth";

    // Typed text that merely looks like an escape is sent as typed, before and after the round trip.
    private const string LooksEscaped = @"literal \u200d and \x1b text";

    public static TheoryData<string> Servers => ["aiosmtpd", "smtp-server"];

    [Theory]
    [MemberData(nameof(Servers))]
    public async Task BodyWithEscapedCharacters_ReplaysTheSameBytes(string server)
    {
        int port = server == "aiosmtpd" ? servers.Ports.Aiosmtpd : servers.Ports.SmtpServer;
        string tag = Guid.NewGuid().ToString("N");
        string script = $"""
            EHLO client.example.test
            MAIL FROM:<alice@{servers.Domain}>
            RCPT TO:<bob@{servers.Domain}>
            DATA
            Subject: exact {tag}

            {Escaped}
            {LooksEscaped}
            .
            QUIT

            """;
        string scriptPath = Path.Combine(Path.GetTempPath(), $"exact-{tag}.smtp");
        string transcript = Path.Combine(Path.GetTempPath(), $"exact-{tag}.txt");
        await File.WriteAllTextAsync(scriptPath, script, new UTF8Encoding(false));
        string[] target = [servers.Host, port.ToString(CultureInfo.InvariantCulture)];

        var record = await AppProcess.RunAsync(["replay", scriptPath, .. target, "--transcript", transcript]);
        Assert.True(record.ExitCode == 0, record.StandardOutput + record.StandardError);
        string saved = await File.ReadAllTextAsync(transcript);
        // The file stays safe to view: the invisible characters are escaped on the C: line.
        Assert.Contains(@"C: family 👩\u200d💻 coder, Silben\u00adtrennung, \ufeffbom, zero\u200bwidth", saved);

        var replay = await AppProcess.RunAsync(["replay", transcript, .. target]);
        Assert.True(replay.ExitCode == 0, replay.StandardOutput + replay.StandardError);

        var messages = await WaitForTwoAsync(server, tag);
        foreach (var raw in messages)
        {
            Assert.Contains(Escaped, raw);
            Assert.Contains(LooksEscaped, raw);
        }
    }

    [Fact]
    public async Task ComposeWithAnEmojiSubject_ReplaysTheSameSubject()
    {
        // A saved helper block runs its helper line again: the line must keep the ZWJ the file shows as \u200d.
        string tag = Guid.NewGuid().ToString("N")[..8];
        string text = $"exact {tag} \U0001F469\u200D\U0001F4BB";
        string script = $"EHLO client.example.test\n/compose --from alice@{servers.Domain} --to bob@{servers.Domain} --subject \"{text}\" --text \"soft\u00ADhyphen\"\nQUIT\n";
        string scriptPath = Path.Combine(Path.GetTempPath(), $"exact-{tag}.smtp");
        string transcript = Path.Combine(Path.GetTempPath(), $"exact-{tag}.txt");
        await File.WriteAllTextAsync(scriptPath, script, new UTF8Encoding(false));
        string[] target = [servers.Host, servers.Ports.Aiosmtpd.ToString(CultureInfo.InvariantCulture)];

        var record = await AppProcess.RunAsync(["replay", scriptPath, .. target, "--transcript", transcript]);
        Assert.True(record.ExitCode == 0, record.StandardOutput + record.StandardError);
        var replay = await AppProcess.RunAsync(["replay", transcript, .. target]);
        Assert.True(replay.ExitCode == 0, replay.StandardOutput + replay.StandardError);

        // The composer encodes only the word that is not ASCII.
        string subject = $"Subject: exact {tag} =?utf-8?b?" + Convert.ToBase64String(Encoding.UTF8.GetBytes("\U0001F469\u200D\U0001F4BB")) + "?=";
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        int count;
        while ((count = Directory.EnumerateFiles(servers.AiosmtpdDir, "*.eml").Count(f => File.ReadAllText(f, Encoding.UTF8).Contains(subject, StringComparison.Ordinal))) < 2
            && DateTime.UtcNow < deadline)
            await Task.Delay(100);
        Assert.Equal(2, count);
    }

    /// <summary>Both deliveries (the recording run and the replay), read from the server's capture folder.</summary>
    private async Task<IReadOnlyList<string>> WaitForTwoAsync(string server, string tag)
    {
        string folder = server == "aiosmtpd" ? servers.AiosmtpdDir : servers.SmtpServerDir;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var found = Directory.EnumerateFiles(folder, "*.eml")
                .Select(f => File.ReadAllText(f, Encoding.UTF8))
                .Where(text => text.Contains($"Subject: exact {tag}", StringComparison.Ordinal))
                .ToList();
            if (found.Count >= 2) return found;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{found.Count} of 2 messages tagged {tag} reached {server}");
            await Task.Delay(100);
        }
    }
}
