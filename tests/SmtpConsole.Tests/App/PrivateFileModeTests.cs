using SmtpConsole.Core.Transcript;

namespace SmtpConsole.Tests.App;

/// <summary>
/// Issue 13 item 8: F7 saves, the session log and the history are created 0600 (F7 saves used to be 0644, even with
/// --show-secrets) and the folders made for them 0700. Item 5: the session-log cap's setting.
/// </summary>
public sealed class PrivateFileModeTests : IDisposable
{
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "smtpconsole-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void F7Save_OwnerOnly_InANewOwnerOnlyFolder(bool jsonLines)
    {
        var format = jsonLines ? TranscriptSaveFormat.JsonLines : TranscriptSaveFormat.Text;
        if (OperatingSystem.IsWindows()) return;
        string path = Path.Combine(_folder, "saves", "session.txt");
        var secret = new TranscriptEvent(TranscriptEventKind.Send, TranscriptEvent.RedactedText) { Secret = true, RevealText = "AUTH PLAIN c2VjcmV0" };
        var screenOnly = new TranscriptEvent(TranscriptEventKind.Info, "Base64 of \"pw\": cHc=") { ScreenOnly = true };

        int count = TranscriptSaver.Save(path, [TranscriptEvent.Info("hello"), secret, screenOnly], format, showSecrets: true);

        Assert.Equal(2, count);
        Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(path));
        Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(Path.GetDirectoryName(path)!));
        Assert.DoesNotContain("cHc=", File.ReadAllText(path));
    }

    [Fact]
    public void SessionLogAndHistory_OwnerOnly_InOwnerOnlyFolders()
    {
        if (OperatingSystem.IsWindows()) return;
        using (var log = SessionLog.Open(_folder, DateTimeOffset.UtcNow, "mx.example"))
        {
            Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(log.Path));
        }
        var history = CommandHistory.Load(DataDirectory.HistoryFile(_folder));
        history.Add("EHLO me.example");

        Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(_folder));
        Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(DataDirectory.SessionsFolder(_folder)));
        Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(DataDirectory.HistoryFile(_folder)));
    }

    [Theory]
    [InlineData(null, SessionLog.DefaultMaxBytes)]
    [InlineData("", SessionLog.DefaultMaxBytes)]
    [InlineData("5", 5L * 1024 * 1024)]
    [InlineData("0.5", 512L * 1024)]
    [InlineData("0", null)]
    [InlineData("-1", SessionLog.DefaultMaxBytes)]
    [InlineData("1e308", SessionLog.DefaultMaxBytes)]
    [InlineData("NaN", SessionLog.DefaultMaxBytes)]
    [InlineData("lots", SessionLog.DefaultMaxBytes)]
    public void SessionLogCap_FromTheEnvironment(string? value, long? expected) => Assert.Equal(expected, SessionLog.CapFromEnvironment(value));
}
