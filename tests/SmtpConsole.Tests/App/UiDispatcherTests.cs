using SmtpConsole.Core.Commands;
using SmtpConsole.Core.Transcript;

namespace SmtpConsole.Tests.App;

/// <summary>The one engine→screen path: events and posted work in order, latest-value state coalesced, one snapshot a tick.</summary>
public sealed class UiDispatcherTests
{
    [Fact]
    public void FirstTick_DrawsTheModeLine_ThenOnlyWhatChanged()
    {
        var dispatcher = new UiDispatcher();
        var first = dispatcher.TakeChanges();
        Assert.Equal(ActivitySnapshot.Idle, first.Activity);
        var second = dispatcher.TakeChanges();
        Assert.Null(second.Activity);
        Assert.Null(second.Status);
        Assert.Null(second.Mode);
        Assert.Empty(second.Events);

        dispatcher.MarkActivityChanged();
        Assert.Equal(ActivitySnapshot.Idle, dispatcher.TakeChanges().Activity);
        var status = StatusSnapshot.Disconnected with { Phase = "Ready" };
        dispatcher.PublishStatus(status);
        var changes = dispatcher.TakeChanges();
        Assert.Same(status, changes.Status);
        Assert.Null(changes.Activity);
    }

    [Fact]
    public void Everything_ReturnsTheCurrentState_EvenWhenNothingChanged()
    {
        var dispatcher = new UiDispatcher();
        var status = StatusSnapshot.Disconnected with { Target = "mx.example:25" };
        dispatcher.PublishStatus(status);
        dispatcher.PublishMode(RunnerMode.DataBody);
        dispatcher.TakeChanges();

        var all = dispatcher.TakeChanges(everything: true);
        Assert.Same(status, all.Status);
        Assert.Equal(RunnerMode.DataBody, all.Mode);
        Assert.NotNull(all.Activity);
    }

    [Fact]
    public void PublishedState_IsCoalesced_ToTheNewestValue()
    {
        var dispatcher = new UiDispatcher();
        dispatcher.TakeChanges();
        for (int i = 0; i < 1000; i++)
        {
            dispatcher.PublishStatus(StatusSnapshot.Disconnected with { Latency = $"{i} ms" });
            dispatcher.PublishActivity(new ActivitySnapshot("RCPT …", i));
            dispatcher.PublishMode(i % 2 == 0 ? RunnerMode.DataBody : RunnerMode.Command);
        }
        var changes = dispatcher.TakeChanges();
        Assert.Equal("999 ms", changes.Status!.Latency);
        Assert.Equal(new ActivitySnapshot("RCPT …", 999), changes.Activity);
        Assert.Equal(RunnerMode.Command, changes.Mode);

        var next = dispatcher.TakeChanges();
        Assert.Null(next.Status);
        Assert.Null(next.Activity);
        Assert.Null(next.Mode);
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
    public void Actions_ComeInOrder_AndWorkPostedMeanwhileWaitsForTheNextTick()
    {
        var dispatcher = new UiDispatcher();
        var ran = new List<int>();
        int wakeUps = 0;
        dispatcher.Arrived += () => wakeUps++;
        dispatcher.Post(() => { ran.Add(1); dispatcher.Post(() => ran.Add(3)); });
        dispatcher.Post(() => ran.Add(2));
        var first = dispatcher.TakeChanges();
        Assert.Equal(2, first.Actions.Count);
        foreach (var action in first.Actions) action();
        Assert.Equal([1, 2], ran);
        Assert.False(dispatcher.IsEmpty);
        foreach (var action in dispatcher.TakeChanges().Actions) action();
        Assert.Equal([1, 2, 3], ran);
        Assert.Equal(3, wakeUps);
        Assert.True(dispatcher.IsEmpty);
    }

    [Fact]
    public void TranscriptEvents_FromSeveralThreads_AllArriveInRecordingOrder_InSlicesOfTheTickLimit()
    {
        var dispatcher = new UiDispatcher();
        var recorder = new TranscriptRecorder();
        dispatcher.Attach(recorder);
        int wakeUps = 0;
        dispatcher.Arrived += () => Interlocked.Increment(ref wakeUps);
        const int Threads = 4, PerThread = 5_000;
        var writers = Enumerable.Range(0, Threads)
            .Select(t => new Thread(() => { for (int i = 0; i < PerThread; i++) recorder.Info($"{t}:{i}"); }))
            .ToList();
        writers.ForEach(w => w.Start());

        var seen = new List<TranscriptEvent>();
        int ticks = 0;
        while (writers.Any(w => w.IsAlive) || !dispatcher.IsEmpty)
        {
            var changes = dispatcher.TakeChanges(maxEvents: 1_000);
            Assert.True(changes.Events.Count <= 1_000);
            seen.AddRange(changes.Events);
            ticks++;
        }
        writers.ForEach(w => w.Join());
        seen.AddRange(dispatcher.TakeChanges().Events);

        Assert.Equal(Threads * PerThread, seen.Count);
        Assert.Equal(Enumerable.Range(0, seen.Count).Select(i => (long)i), seen.Select(e => e.Sequence));
        // Each writer's own lines stay in its order too.
        for (int t = 0; t < Threads; t++)
        {
            string prefix = $"{t}:";
            Assert.Equal(Enumerable.Range(0, PerThread).Select(i => $"{t}:{i}"), seen.Where(e => e.Text.StartsWith(prefix, StringComparison.Ordinal)).Select(e => e.Text));
        }
        Assert.Equal(Threads * PerThread, wakeUps); // each event wakes (the app's UiWakeUp folds them into one Invoke)
        Assert.True(ticks >= Threads * PerThread / 1_000);
    }

    [Fact]
    public void Arrived_ForAnEvent_IsRaisedAfterTheRecorderLetGoOfItsLock()
    {
        var dispatcher = new UiDispatcher();
        var recorder = new TranscriptRecorder();
        dispatcher.Attach(recorder);
        bool? otherThreadCouldRecord = null;
        dispatcher.Arrived += () =>
        {
            if (otherThreadCouldRecord is not null) return;
            otherThreadCouldRecord = false;
            // Were the lock still held, this thread would wait for it (and the UI wake-up would stall the engine).
            var other = new Thread(() => recorder.Info("from another thread"));
            other.Start();
            otherThreadCouldRecord = other.Join(TimeSpan.FromSeconds(5));
        };
        recorder.Info("first");
        Assert.True(otherThreadCouldRecord);
        Assert.Equal(["first", "from another thread"], dispatcher.TakeChanges().Events.Select(e => e.Text));
    }

    [Fact]
    public async Task Question_ArrivesAsATypedRequest_AndIsAnsweredThroughItsTask()
    {
        var dispatcher = new UiDispatcher();
        var interaction = new TuiInteraction(dispatcher);
        var secret = interaction.PromptSecretAsync("Password:", CancellationToken.None);
        var consent = interaction.ConfirmPlaintextAuthAsync("send in clear?", CancellationToken.None);

        var questions = dispatcher.TakeChanges().Questions;
        Assert.Equal(2, questions.Count);
        var prompt = Assert.IsType<SecretQuestion>(questions[0]);
        var ask = Assert.IsType<ConsentQuestion>(questions[1]);
        Assert.Equal("Password:", prompt.Prompt);
        Assert.Equal("send in clear?", ask.Question);
        Assert.False(secret.IsCompleted);

        prompt.Answer.SetResult("hunter2");
        ask.Answer.SetResult(true);
        Assert.Equal("hunter2", await secret);
        Assert.True(await consent);
    }

    [Fact]
    public async Task Question_WithdrawnBeforeTheUiTookIt_IsSettled_AndAnswersNo()
    {
        var dispatcher = new UiDispatcher();
        var interaction = new TuiInteraction(dispatcher);
        using var cancel = new CancellationTokenSource();
        var secret = interaction.PromptSecretAsync("Password:", cancel.Token);
        var consent = interaction.ConfirmPlaintextAuthAsync("send in clear?", cancel.Token);
        await cancel.CancelAsync();

        Assert.Null(await secret);
        Assert.False(await consent);
        Assert.All(dispatcher.TakeChanges().Questions, q => Assert.True(q.IsSettled));
    }
}
