using Terminal.Gui.App;

namespace SmtpConsole.Tui;

/// <summary>
/// Wakes the UI thread when an engine thread produced something (a transcript event, a posted action): one
/// <see cref="IApplication.Invoke(Action)"/> at a time, so a burst of events costs one pass of the main loop, and
/// the server's reply is drawn on the next iteration rather than after the next 50 ms tick.
/// </summary>
internal sealed class UiWakeUp
{
    private readonly Action _apply;
    private IApplication? _app;
    private int _pending;

    public UiWakeUp(IApplication app, Action apply)
    {
        _app = app;
        _apply = apply;
    }

    public void Wake()
    {
        var app = Volatile.Read(ref _app);
        if (app is null || Interlocked.Exchange(ref _pending, 1) == 1) return;
        try
        {
            app.Invoke(Apply);
        }
        catch (NotInitializedException)
        {
            // The console is shutting down; nothing is drawn any more.
        }
    }

    /// <summary>No more wake-ups (before the application is disposed).</summary>
    public void Stop() => Volatile.Write(ref _app, null);

    private void Apply()
    {
        Volatile.Write(ref _pending, 0);
        if (Volatile.Read(ref _app) is not null) _apply();
    }
}
