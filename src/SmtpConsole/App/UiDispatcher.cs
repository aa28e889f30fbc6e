using System.Collections.Concurrent;

namespace SmtpConsole.App;

/// <summary>
/// The one way from engine threads to the UI thread, besides the transcript feed: discrete work is posted (and
/// wakes the UI), latest-value state (status, activity, progress) is only marked and taken as one
/// <see cref="ScreenChanges"/> per tick. The UI thread drains both in <c>ConsoleWindow.Tick</c>, which costs far
/// less than one main-loop wake-up per event.
/// </summary>
internal sealed class UiDispatcher
{
    private readonly ConcurrentQueue<Action> _actions = new();
    private int _statusChanged = 1; // the first tick draws everything
    private int _activityChanged = 1;
    private int _progressChanged;
    private long _sent;
    private long _total;

    /// <summary>Raised on the posting thread after each post (the app wakes its UI thread with it).</summary>
    public event Action? Posted;

    public void Post(Action action)
    {
        _actions.Enqueue(action);
        Posted?.Invoke();
    }

    public bool IsEmpty => _actions.IsEmpty;

    /// <summary>Runs what was posted before this call (work posted meanwhile waits for the next drain); returns how many ran.</summary>
    public int Drain()
    {
        int pending = _actions.Count;
        int ran = 0;
        while (ran < pending && _actions.TryDequeue(out var action))
        {
            action();
            ran++;
        }
        return ran;
    }

    /// <summary>The session's state changed (any thread); the status line is redrawn on a coming tick.</summary>
    public void MarkStatusChanged() => Volatile.Write(ref _statusChanged, 1);

    /// <summary>A step started or ended, or a script moved (any thread); the mode line and prompt follow on the next tick.</summary>
    public void MarkActivityChanged() => Volatile.Write(ref _activityChanged, 1);

    /// <summary>Only remembers the newest numbers; the UI picks them up on its next tick (no flood of posts).</summary>
    public void ReportProgress(long sent, long total)
    {
        Volatile.Write(ref _total, total);
        Volatile.Write(ref _sent, sent);
        Volatile.Write(ref _progressChanged, 1);
    }

    /// <summary>What was marked since the previous call (UI thread, once per tick).</summary>
    public ScreenChanges TakeChanges() => new(
        Interlocked.Exchange(ref _statusChanged, 0) == 1,
        Interlocked.Exchange(ref _activityChanged, 0) == 1,
        Interlocked.Exchange(ref _progressChanged, 0) == 1 ? (Volatile.Read(ref _sent), Volatile.Read(ref _total)) : null);
}
