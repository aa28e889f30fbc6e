namespace SmtpConsole.Tests.App;

public sealed class CommandHistoryTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "smtpconsole-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void Add_AppendsToTheFile_SkippingRepeatsOfTheNewest()
    {
        string path = Path.Combine(_folder, "history");
        var history = CommandHistory.Load(path);
        history.Add("EHLO a");
        history.Add("EHLO a");
        history.Add("NOOP");

        Assert.Equal(["EHLO a", "NOOP"], File.ReadAllLines(path));
        Assert.Equal(["EHLO a", "NOOP"], CommandHistory.Load(path).Snapshot());
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [Fact]
    public void Add_ManyEntries_KeepsTheNewestAndCompactsTheFile()
    {
        string path = Path.Combine(_folder, "history");
        var history = CommandHistory.Load(path);
        for (int i = 0; i < CommandHistory.MaxEntries * 2 + 10; i++) history.Add("NOOP " + i);

        Assert.Equal(CommandHistory.MaxEntries, history.Count);
        Assert.Equal("NOOP " + (CommandHistory.MaxEntries * 2 + 9), history[^1]);
        Assert.True(File.ReadAllLines(path).Length <= CommandHistory.MaxEntries * 2);
        Assert.Equal(history.Snapshot(), CommandHistory.Load(path).Snapshot());
    }

    [Fact]
    public void SearchBackward_FindsNewestMatchBeforeAPosition()
    {
        var history = CommandHistory.InMemory();
        history.Add("MAIL FROM:<a@x>");
        history.Add("RCPT TO:<b@x>");
        history.Add("mail from:<c@x>");

        Assert.Equal(2, history.SearchBackward("MAIL", history.Count));
        Assert.Equal(0, history.SearchBackward("MAIL", 2));
        Assert.Equal(-1, history.SearchBackward("MAIL", 0));
    }

    [Fact]
    public void Add_IgnoresBlankAndMultiLineEntries()
    {
        var history = CommandHistory.InMemory();
        history.Add("  ");
        history.Add("a\nb");
        Assert.Equal(0, history.Count);
    }
}
