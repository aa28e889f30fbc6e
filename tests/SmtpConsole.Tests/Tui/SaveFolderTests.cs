using SmtpConsole.Tests.Support;
using SmtpConsole.Tui;
using Terminal.Gui.Input;

namespace SmtpConsole.Tests.Tui;

/// <summary>F7 into a folder that does not exist asks before creating it; saved files are readable by their owner only.</summary>
public sealed class SaveFolderTests
{
    private static void SaveTo(TuiHarness tui, string path)
    {
        tui.Press(Key.F7);
        var panel = Assert.IsType<SavePanel>(tui.Window.TopPanel);
        panel.Path.Text = path;
        tui.Press(Key.Enter);
    }

    [Fact]
    public void SavingIntoAMissingFolder_Asks_AndNoCreatesNothing()
    {
        using var tui = TuiHarness.Start(width: 120, writeLog: false);
        string folder = Path.Combine(tui.DataDirectory, "typo", "deeper");
        SaveTo(tui, Path.Combine(folder, "saved.txt"));

        var confirm = Assert.IsType<ConfirmPanel>(tui.Window.TopPanel);
        tui.Press(Key.N);
        Assert.True(tui.WaitUntil(() => tui.Screen().Contains("not saved: the folder does not exist", StringComparison.Ordinal)));
        Assert.False(Directory.Exists(Path.Combine(tui.DataDirectory, "typo")));
        Assert.False(confirm.IsOpen);
    }

    [Fact]
    public void SavingIntoAMissingFolder_WithYes_CreatesItAndTheFileIsOwnerOnly()
    {
        using var tui = TuiHarness.Start(width: 120, writeLog: false);
        string path = Path.Combine(tui.DataDirectory, "new-folder", "saved.txt");
        SaveTo(tui, path);

        Assert.IsType<ConfirmPanel>(tui.Window.TopPanel);
        tui.Press(Key.Y);
        tui.WaitForText("saved ");
        Assert.True(File.Exists(path));
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Equal(Path.GetFullPath(path), tui.Window.SavedTranscriptPath);
    }
}
