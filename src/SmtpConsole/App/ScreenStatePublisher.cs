using SmtpConsole.Core.Commands;
using SmtpConsole.Core.Messages;
using SmtpConsole.Core.Session;

namespace SmtpConsole.App;

/// <summary>
/// Turns the engine's change events into values published on the <see cref="UiDispatcher"/>, on the thread that
/// changed the state: the status line's <see cref="StatusSnapshot"/>, the step queue's <see cref="ActivitySnapshot"/>,
/// the runner's mode. The UI never reads the session to draw. Each value is read and published under one lock, so
/// two engine threads reporting at once cannot leave an older value published after a newer one.
/// </summary>
internal sealed class ScreenStatePublisher
{
    private readonly Lock _gate = new();
    private readonly UiDispatcher _ui;
    private readonly SmtpSession _session;
    private readonly SessionController _controller;
    private readonly UiLanguage _language;

    public ScreenStatePublisher(UiDispatcher ui, SessionController controller, UiLanguage language)
    {
        _ui = ui;
        _controller = controller;
        _session = controller.Session;
        _language = language;
        _session.StateChanged += OnStateChanged;
        controller.ActivityChanged += OnActivityChanged;
        controller.Runner.ModeChanged += ui.PublishMode;
        OnStateChanged();
        OnActivityChanged();
        ui.PublishMode(controller.Runner.Mode);
    }

    /// <summary>What the session did, for the exit summary (observed with every state change).</summary>
    public SessionTally Tally { get; } = new();

    private void OnStateChanged()
    {
        lock (_gate)
        {
            Tally.Observe(_session);
            _ui.PublishStatus(StatusSnapshot.From(_session, _language));
        }
    }

    private void OnActivityChanged()
    {
        lock (_gate) _ui.PublishActivity(new ActivitySnapshot(_controller.Current?.Display, _controller.QueuedCount));
    }
}
