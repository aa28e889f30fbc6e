using SmtpConsole.Core.Files;
using SmtpConsole.Core.Tests.Support;
using SmtpConsole.Core.Transcript;
using static SmtpConsole.Core.Tests.Hostile.HostileHarness;

namespace SmtpConsole.Core.Tests.Hostile;

/// <summary>
/// Issue 13 items 3, 4, 5, 8: what reaches transcript files. /b64 and /unb64 results are screen-only; a write failure
/// is reported at once and the file stops (never resumes with a hole); a size cap says so and keeps the session
/// usable; files are created 0600 and folders 0700 at open.
/// </summary>
public class TranscriptFileSafetyTests
{
    [Fact]
    public async Task Base64Helpers_ResultsOnScreenOnly_NeverInFiles()
    {
        await using var server = new ScriptedSmtpServer(HostileScenarios.WellBehaved);
        await using var h = new HostileHarness(server.Port);
        await Bounded(h.Runner.ConnectToAsync(h.Options));

        await Bounded(h.Runner.ExecuteAsync("/b64 B64-Secret-Pa55"));
        await Bounded(h.Runner.ExecuteAsync("/unb64 " + Convert.ToBase64String("Unb64-Secret-Pa55"u8.ToArray())));
        await Bounded(h.Runner.ExecuteAsync("/unb64 !!!not-base64-Secret"));
        await Bounded(h.Runner.ExecuteAsync("NOOP"));

        string dump = h.Sink.Dump();
        Assert.Contains("QjY0LVNlY3JldC1QYTU1", dump);
        Assert.Contains("Unb64-Secret-Pa55", dump);
        foreach (var text in new[] { h.ReadText(), h.ReadJson() })
        {
            Assert.DoesNotContain("B64-Secret-Pa55", text);
            Assert.DoesNotContain("QjY0LVNlY3JldC1QYTU1", text);
            Assert.DoesNotContain("Unb64-Secret-Pa55", text);
            Assert.DoesNotContain("not-base64-Secret", text);
            Assert.Contains("NOOP", text);
        }
    }

    [Fact]
    public void WriteFailure_DevFull_ReportedAtOnceOnceAndTheFileStops()
    {
        if (!File.Exists("/dev/full")) return; // Linux only: the one portable way to make a real write fail.
        var recorder = new TranscriptRecorder();
        var screen = new RecordingSink();
        recorder.AddSink(screen);
        using var file = new TranscriptFileSink("/dev/full", json: false);
        recorder.AddSink(file);

        recorder.Info("first event");
        recorder.Info("second event");

        Assert.True(file.Incomplete);
        var warning = Assert.Single(screen.Events, e => e.Kind == TranscriptEventKind.Warn);
        Assert.Contains("cannot write /dev/full", warning.Text);
        Assert.Contains("incomplete", warning.Text);
        Assert.Equal(1, screen.Events.ToList().IndexOf(warning));
    }

    [Fact]
    public void SizeCap_FileStopsWithANote_ScreenWarnedOnce_RecordingGoesOn()
    {
        var directory = Directory.CreateTempSubdirectory("smtpconsole-cap-");
        try
        {
            string path = Path.Combine(directory.FullName, "session.log");
            var recorder = new TranscriptRecorder();
            var screen = new RecordingSink();
            recorder.AddSink(screen);
            using (var file = new TranscriptFileSink(path, json: false, maxBytes: 4096))
            {
                recorder.AddSink(file);
                for (int i = 0; i < 1000; i++) recorder.Info($"unsolicited chatter line {i} " + new string('x', 60));
                Assert.False(file.Incomplete);
                Assert.NotNull(file.StoppedBecause);
            }

            long size = new FileInfo(path).Length;
            Assert.InRange(size, 1, 4096 + 512);
            Assert.Contains("reached its cap", File.ReadAllText(path));
            Assert.Single(screen.Events, e => e.Kind == TranscriptEventKind.Warn && e.Text.Contains("reached its cap", StringComparison.Ordinal));
            Assert.Contains(screen.Events, e => e.Text.StartsWith("unsolicited chatter line 999", StringComparison.Ordinal));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void TranscriptFile_CreatedOwnerOnly_InA0700Folder()
    {
        if (OperatingSystem.IsWindows()) return;
        var directory = Directory.CreateTempSubdirectory("smtpconsole-mode-");
        try
        {
            string folder = Path.Combine(directory.FullName, "new", "deeper");
            string path = Path.Combine(folder, "t.log");
            using (new TranscriptFileSink(path, json: false, showSecrets: true)) { }

            Assert.Equal(PrivateFiles.FileMode, File.GetUnixFileMode(path));
            Assert.Equal(PrivateFiles.DirectoryMode, File.GetUnixFileMode(folder));
            Assert.Equal(PrivateFiles.DirectoryMode, File.GetUnixFileMode(Path.Combine(directory.FullName, "new")));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
