using SmtpConsole.Core.Transcript;
using SmtpConsole.Tests.Support;
using SmtpConsole.Tui;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;

namespace SmtpConsole.Tests.Tui;

public sealed class TranscriptViewTests
{
    private static void Fill(TuiHarness tui, int count, string prefix = "line ")
    {
        for (int i = 0; i < count; i++) tui.Host.Store.Append(TranscriptEvent.Info(prefix + i));
        tui.Window.Transcript.OnStoreChanged(0);
        tui.App.LayoutAndDraw();
    }

    [Fact]
    public void NewOutput_IsFollowed_UntilTheUserScrollsUp_AndEndResumes()
    {
        using var tui = TuiHarness.Start(writeLog: false);
        var view = tui.Window.Transcript;
        Fill(tui, 200);
        Assert.True(view.Follow);
        Assert.Contains("line 199", tui.Screen());

        tui.Press(Key.PageUp);
        Assert.False(view.Follow);
        int top = view.Viewport.Y;
        Fill(tui, 5, "more ");
        Assert.Equal(top, view.Viewport.Y);
        Assert.DoesNotContain("more 4", tui.Screen());

        tui.Press(Key.End.WithCtrl);
        Assert.True(view.Follow);
        Assert.Contains("more 4", tui.Screen());

        tui.Press(Key.Home.WithCtrl);
        Assert.Equal(0, view.Viewport.Y);
        Assert.Contains("line 0", tui.Screen());
    }

    [Fact]
    public void HomeAndEnd_OnAnEmptyLine_MoveTheTranscript_OtherwiseTheCursor()
    {
        using var tui = TuiHarness.Start(writeLog: false);
        var view = tui.Window.Transcript;
        Fill(tui, 200);

        tui.Press(Key.Home);
        Assert.Equal(0, view.Viewport.Y);
        tui.Type("abc");
        tui.Press(Key.End);
        Assert.Equal(0, view.Viewport.Y);
        tui.Window.Input.SetLine(string.Empty);
        tui.Press(Key.End);
        Assert.True(view.Follow);
    }

    [Fact]
    public void MouseWheel_Scrolls_AndAClickSelectsALine()
    {
        using var tui = TuiHarness.Start(writeLog: false);
        var view = tui.Window.Transcript;
        Fill(tui, 200);
        int bottom = view.Viewport.Y;

        tui.App.InjectMouse(new Mouse { Flags = MouseFlags.WheeledUp, ScreenPosition = new System.Drawing.Point(5, 5) });
        Assert.True(view.Viewport.Y < bottom);
        Assert.False(view.Follow);

        tui.App.InjectMouse(new Mouse { Flags = MouseFlags.LeftButtonClicked, ScreenPosition = new System.Drawing.Point(5, 2) });
        Assert.Equal(view.Viewport.Y + 2, view.SelectedRow);
        Assert.Equal("line " + view.SelectedRow, view.SelectedTranscriptRow!.Value.Text());
    }

    [Fact]
    public void Eviction_KeepsTheRowsUnderTheUsersEyes()
    {
        using var tui = TuiHarness.Start(writeLog: false, configure: o => o with { MaxTranscriptEvents = TranscriptStore.ChunkSize });
        var view = tui.Window.Transcript;
        Fill(tui, TranscriptStore.ChunkSize);
        view.ScrollTo(TranscriptStore.ChunkSize - 100);
        string before = view.Store.RowAt(view.Viewport.Y).Text();

        tui.Host.Store.Append(TranscriptEvent.Info("overflow"));
        int evicted = TranscriptStore.ChunkSize;
        view.OnStoreChanged(evicted);

        Assert.Equal(1, view.Store.EventCount);
        Assert.Equal(0, view.Viewport.Y);
        _ = before;
    }

    [Fact]
    public void MultiLineEvents_AndNotes_AreDrawnAsSeveralRowsWithNotesBeside()
    {
        using var tui = TuiHarness.Start(writeLog: false);
        tui.Host.Store.Append(new TranscriptEvent(TranscriptEventKind.Info, "first\nsecond"));
        tui.Host.Store.Append(new TranscriptEvent(TranscriptEventKind.Send, "dXNlcg==") { Note = "decoded: \"user\"" });
        tui.Window.Transcript.OnStoreChanged(0);

        var lines = tui.ScreenLines();
        Assert.Contains(lines, l => l.StartsWith("#  first", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("#  second", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("C: dXNlcg==  # decoded: \"user\"", StringComparison.Ordinal));
    }

    [Fact]
    public void LongLines_WrapInsteadOfBeingCut()
    {
        using var tui = TuiHarness.Start(width: 60, writeLog: false);
        tui.Host.Store.Append(TranscriptEvent.Info(new string('x', 200)));
        tui.Window.Transcript.OnStoreChanged(0);

        string pane = string.Join('\n', tui.ScreenLines()[..tui.Window.Transcript.Viewport.Height]);
        Assert.DoesNotContain("x…", pane);
        Assert.Equal(200, pane.Count(c => c == 'x'));
    }
}
