using System.Collections.Concurrent;
using SmtpConsole.Core.Commands;
using SmtpConsole.Core.Transcript;

namespace SmtpConsole.App;

/// <summary>
/// The one way from engine threads to the UI thread. Three kinds of entry go in, from any thread:
/// <list type="bullet">
/// <item>transcript events, as the recorder's sink (<see cref="Attach"/>): each is only enqueued (the recorder calls
/// its sinks under its lock), and every one comes out, in recording order;</item>
/// <item>discrete work: posted actions and <see cref="ScreenQuestion"/>s, in order;</item>
/// <item>latest-value state (status, activity, mode, progress): publishing again replaces the value not yet taken,
/// so a flood of changes costs one redraw.</item>
/// </list>
/// Events, actions and questions raise <see cref="Arrived"/> (the app wakes its UI thread with it); state does not
/// (the UI's 50 ms tick picks it up).
/// The UI thread takes everything as one <see cref="ScreenChanges"/> per tick (<see cref="TakeChanges"/>).
/// </summary>
internal sealed class UiDispatcher : ITranscriptSink
{
    /// <summary>Events moved to the screen in one tick at most: a flood is drawn in slices and the UI stays responsive.</summary>
    public const int MaxEventsPerTick = 50_000;

    private const int NoMode = -1;

    private readonly ConcurrentQueue<TranscriptEvent> _events = new();
    private readonly ConcurrentQueue<Action> _actions = new();
    private readonly ConcurrentQueue<ScreenQuestion> _questions = new();
    private readonly List<TranscriptEvent> _eventBatch = [];
    private StatusSnapshot _status = StatusSnapshot.Disconnected;
    private StatusSnapshot? _newStatus;
    private ActivitySnapshot _activity = ActivitySnapshot.Idle;
    private ActivitySnapshot? _newActivity;
    private int _activityMarked = 1; // the first tick draws the mode line
    private int _mode = (int)RunnerMode.Command;
    private int _newMode = NoMode;
    private int _progressChanged;
    private long _sent;
    private long _total;

    /// <summary>Raised on the producing thread after each event, post or question (the app wakes its UI thread with it).</summary>
    /// <remarks>For an event it comes from the recorder's <c>Recorded</c>, after the recorder let go of its lock: the
    /// sink itself only enqueues.</remarks>
    public event Action? Arrived;

    /// <summary>True when no event, action or question waits (state is never "waiting": it is only the newest value).</summary>
    public bool IsEmpty => _events.IsEmpty && _actions.IsEmpty && _questions.IsEmpty;

    /// <summary>Carries every event <paramref name="recorder"/> records from now on.</summary>
    public void Attach(TranscriptRecorder recorder)
    {
        recorder.AddSink(this);
        recorder.Recorded += _ => Arrived?.Invoke();
    }

    /// <summary>The recorder's sink (called under its lock): enqueue only.</summary>
    public void Write(TranscriptEvent transcriptEvent) => _events.Enqueue(transcriptEvent);

    public void Post(Action action)
    {
        _actions.Enqueue(action);
        Arrived?.Invoke();
    }

    /// <summary>Puts a question to the person at the keyboard; the window answers it through the question's task.</summary>
    public void Ask(ScreenQuestion question)
    {
        _questions.Enqueue(question);
        Arrived?.Invoke();
    }

    /// <summary>The session's status as it is now (built by the engine side when its state changed).</summary>
    public void PublishStatus(StatusSnapshot status)
    {
        Volatile.Write(ref _status, status);
        Volatile.Write(ref _newStatus, status);
    }

    /// <summary>What the step queue is doing now.</summary>
    public void PublishActivity(ActivitySnapshot activity)
    {
        Volatile.Write(ref _activity, activity);
        Volatile.Write(ref _newActivity, activity);
    }

    /// <summary>The UI's own part of the mode line moved (a script stepped, quitting began): redraw it on the next tick.</summary>
    public void MarkActivityChanged() => Volatile.Write(ref _activityMarked, 1);

    public void PublishMode(RunnerMode mode)
    {
        Volatile.Write(ref _mode, (int)mode);
        Volatile.Write(ref _newMode, (int)mode);
    }

    /// <summary>Only remembers the newest numbers; the UI picks them up on its next tick (no flood of posts).</summary>
    public void ReportProgress(long sent, long total)
    {
        Volatile.Write(ref _total, total);
        Volatile.Write(ref _sent, sent);
        Volatile.Write(ref _progressChanged, 1);
    }

    /// <summary>
    /// What arrived since the previous call (UI thread, once per tick): the actions and questions posted before
    /// this call (what they post in turn waits for the next tick), up to <paramref name="maxEvents"/> events, and
    /// the state that changed. <paramref name="everything"/> also returns the state that did not change (start-up, tests).
    /// </summary>
    public ScreenChanges TakeChanges(bool everything = false, int maxEvents = MaxEventsPerTick)
    {
        var actions = TakeAll(_actions);
        var questions = TakeAll(_questions);
        _eventBatch.Clear();
        while (_eventBatch.Count < maxEvents && _events.TryDequeue(out var e)) _eventBatch.Add(e);

        // The value is written before its "new" slot, so reading the current one after taking the slot is never older.
        var status = Interlocked.Exchange(ref _newStatus, null);
        if (status is null && everything) status = Volatile.Read(ref _status);
        var activity = Interlocked.Exchange(ref _newActivity, null);
        bool marked = Interlocked.Exchange(ref _activityMarked, 0) == 1;
        if (activity is null && (marked || everything)) activity = Volatile.Read(ref _activity);
        int mode = Interlocked.Exchange(ref _newMode, NoMode);
        if (mode == NoMode && everything) mode = Volatile.Read(ref _mode);
        (long, long)? progress = Interlocked.Exchange(ref _progressChanged, 0) == 1 ? (Volatile.Read(ref _sent), Volatile.Read(ref _total)) : null;

        return new ScreenChanges(actions, questions, _eventBatch, status, activity, mode == NoMode ? null : (RunnerMode)mode, progress);
    }

    /// <summary>Takes what is queued now, not what is added meanwhile.</summary>
    private static IReadOnlyList<T> TakeAll<T>(ConcurrentQueue<T> queue)
    {
        if (queue.IsEmpty) return [];
        int pending = queue.Count;
        var taken = new List<T>(pending);
        while (taken.Count < pending && queue.TryDequeue(out var item)) taken.Add(item);
        return taken;
    }
}
