namespace SmtpConsole.Tests.App;

/// <summary>The one engine→screen path: posted work runs in order, latest-value state comes as one snapshot a tick.</summary>
public sealed class UiDispatcherTests
{
    [Fact]
    public void FirstTick_DrawsEverything_ThenOnlyWhatWasMarked()
    {
        var dispatcher = new UiDispatcher();
        Assert.Equal(new ScreenChanges(true, true, null), dispatcher.TakeChanges());
        Assert.Equal(new ScreenChanges(false, false, null), dispatcher.TakeChanges());

        dispatcher.MarkActivityChanged();
        Assert.Equal(new ScreenChanges(false, true, null), dispatcher.TakeChanges());
        dispatcher.MarkStatusChanged();
        Assert.Equal(new ScreenChanges(true, false, null), dispatcher.TakeChanges());
    }

    [Fact]
    public void Progress_KeepsOnlyTheNewestNumbers_UntilTaken()
    {
        var dispatcher = new UiDispatcher();
        dispatcher.TakeChanges();
        var interaction = new TuiInteraction(dispatcher);
        interaction.ReportDataProgress(10, 100);
        interaction.ReportDataProgress(60, 100);
        Assert.Equal((60L, 100L), dispatcher.TakeChanges().Progress);
        Assert.Null(dispatcher.TakeChanges().Progress);
    }

    [Fact]
    public void Drain_RunsPostedWorkInOrder_AndLeavesWorkPostedMeanwhileForTheNextTick()
    {
        var dispatcher = new UiDispatcher();
        var ran = new List<int>();
        int wakeUps = 0;
        dispatcher.Posted += () => wakeUps++;
        dispatcher.Post(() => { ran.Add(1); dispatcher.Post(() => ran.Add(3)); });
        dispatcher.Post(() => ran.Add(2));
        Assert.Equal(2, dispatcher.Drain());
        Assert.Equal([1, 2], ran);
        Assert.Equal(1, dispatcher.Drain());
        Assert.Equal([1, 2, 3], ran);
        Assert.Equal(3, wakeUps);
    }
}
