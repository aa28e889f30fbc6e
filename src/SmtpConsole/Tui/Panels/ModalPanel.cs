using Terminal.Gui.Drivers;
using Terminal.Gui.App;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace SmtpConsole.Tui;

/// <summary>
/// A dialog shown without a nested main loop: <see cref="IApplication.Begin"/> makes it the top runnable (so it
/// gets the keys and draws on top) and <see cref="Close"/> ends it. The console's own loop keeps running meanwhile,
/// so the transcript goes on updating behind a dialog, and tests drive dialogs with injected keys.
/// Esc and Ctrl+Q cancel.
/// </summary>
internal abstract class ModalPanel : Window
{
    private SessionToken? _token;

    protected ModalPanel(string title)
    {
        Title = title;
        X = Pos.Center();
        Y = Pos.Center();
    }

    public bool IsOpen => _token is not null;

    /// <summary>Raised after the panel closed (for whatever reason).</summary>
    public event Action? Closed;

    public void Open(IApplication app)
    {
        _token = app.Begin(this);
        InitialFocus()?.SetFocus();
    }

    public void Close()
    {
        if (_token is not { } token) return;
        _token = null;
        App?.End(token);
        Closed?.Invoke();
    }

    /// <summary>What Esc, Ctrl+Q (and a framework stop request) do: close without doing anything.</summary>
    public virtual void Cancel() => Close();

    /// <summary>The view that gets focus when the panel opens.</summary>
    protected abstract View? InitialFocus();

    protected override bool OnKeyDown(Key key)
    {
        if (key.KeyCode is KeyCode.Esc or (KeyCode.Q | KeyCode.CtrlMask))
        {
            Cancel();
            return true;
        }
        return base.OnKeyDown(key);
    }

    /// <summary>A button that runs <paramref name="action"/> when pressed (Enter, Space or a click).</summary>
    protected static Button MakeButton(string text, Action action, bool isDefault = false)
    {
        var button = new Button { Text = text, IsDefault = isDefault };
        button.Accepting += (_, e) =>
        {
            action();
            e.Handled = true;
        };
        return button;
    }

    /// <summary>Lays <paramref name="buttons"/> out in one row from column <paramref name="x"/>, two columns apart.</summary>
    protected static void PlaceButtons(int x, int y, params Button[] buttons)
    {
        Pos next = x;
        foreach (var button in buttons)
        {
            button.X = next;
            button.Y = y;
            next = Pos.Right(button) + 2;
        }
    }
}
