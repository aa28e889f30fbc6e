using System.Collections.Concurrent;

namespace SmtpConsole.App;

/// <summary>
/// Work posted from engine threads for the UI thread. One timer on the UI thread drains it (see
/// <c>ConsoleWindow.Tick</c>), which costs far less than one main-loop wake-up per event.
/// </summary>
internal sealed class UiDispatcher
{
    private readonly ConcurrentQueue<Action> _actions = new();

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
}
