using System.Text.Json;
using SmtpConsole.Core.Commands;
using SmtpConsole.Core.Session;
using SmtpConsole.Core.Tests.Support;
using SmtpConsole.Core.Transcript;
using static SmtpConsole.Core.Tests.Hostile.HostileHarness;

namespace SmtpConsole.Core.Tests.Hostile;

/// <summary>
/// TranscriptFileSink flushes every event: if the console dies, the log on disk is complete up to the last event.
/// Checked by reading the files while the session, the recorder and the sinks are all still alive and undisposed.
/// </summary>
public class TranscriptCrashSafetyTests
{
    [Fact]
    public async Task FileSinks_ServerDiesMidData_FilesHoldEveryEventWhileSessionStillAlive()
    {
        await using var server = new ScriptedSmtpServer(HostileScenarios.ClosedMidData);
        var directory = Directory.CreateTempSubdirectory("smtpconsole-crash-");
        try
        {
            var recorder = new TranscriptRecorder();
            var memory = new RecordingSink();
            var text = new TranscriptFileSink(Path.Combine(directory.FullName, "crash.log"), json: false);
            var json = new TranscriptFileSink(Path.Combine(directory.FullName, "crash.jsonl"), json: true);
            // The recorder calls its sinks in order under its lock: with the memory sink last, every event it holds is
            // already in both files when the snapshot below is taken (a late event may still be arriving meanwhile).
            recorder.AddSink(text);
            recorder.AddSink(json);
            recorder.AddSink(memory);
            var session = new SmtpSession(recorder);
            var runner = new CommandRunner(session, NonInteractive.Instance);
            var options = new ConnectOptions { Host = "127.0.0.1", Port = server.Port, ReplyTimeout = TimeSpan.FromSeconds(5), ConnectTimeout = TimeSpan.FromSeconds(5), EhloName = "client.test" };

            await Bounded(runner.ConnectToAsync(options));
            foreach (var line in new[] { "EHLO client.test", "MAIL FROM:<a@hostile.test>", "RCPT TO:<b@hostile.test>", "DATA", "Subject: dies mid-DATA", "", "last line before the server dies" })
                await Bounded(runner.ExecuteAsync(line));
            await WaitUntil(() => !session.IsConnected, "the server's death is noticed");

            // No Dispose, no Flush: exactly what a crash at this instant would leave on disk. The session may still be
            // recording (a reset reported late), so the files must hold at least every event recorded before they were read.
            var events = memory.Events;
            var jsonLines = ReadShared(json.Path).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.True(jsonLines.Length >= events.Count, $"{jsonLines.Length} JSON lines for {events.Count} events");
            for (int i = 0; i < events.Count; i++)
            {
                using var document = JsonDocument.Parse(jsonLines[i]);
                Assert.Equal(events[i].Sequence, document.RootElement.GetProperty("seq").GetInt64());
                Assert.Equal(events[i].Text, document.RootElement.GetProperty("text").GetString());
            }
            Assert.StartsWith(string.Concat(events.SelectMany(e => TranscriptTextFormat.FormatLines(e)).Select(l => l + "\n")), ReadShared(text.Path), StringComparison.Ordinal);
            Assert.Contains(events, e => e.Kind == TranscriptEventKind.Error || e.Text == "the server closed the connection");
            Assert.Contains(events, e => e.Kind == TranscriptEventKind.Send && e.Text == "last line before the server dies");
            Assert.True(session.Transcript == recorder);
            GC.KeepAlive(session);
            await session.DisposeAsync();
            text.Dispose();
            json.Dispose();
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
