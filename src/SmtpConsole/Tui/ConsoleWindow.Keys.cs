using Terminal.Gui.Input;

namespace SmtpConsole.Tui;

internal sealed partial class ConsoleWindow
{
    /// <summary>
    /// The console's own keys (<see cref="KeyMap"/>). The focused input or transcript sees keys first, so only keys
    /// they leave alone arrive here; handling them here (before the status bar's shortcuts) keeps one code path.
    /// </summary>
    protected override bool OnKeyDown(Key key)
    {
        Action? action = key.KeyCode switch
        {
            _ when key == KeyMap.Help => ShowHelp,
            _ when key == KeyMap.Connect => ShowConnect,
            _ when key == KeyMap.Details => ShowDetails,
            _ when key == KeyMap.Explain => ShowExplanation,
            _ when key == KeyMap.Save => ShowSave,
            _ when key == KeyMap.ScriptRest => ScriptRest,
            _ when key == KeyMap.ScriptStep => ScriptKey,
            _ when key == KeyMap.Timeline => ShowTimeline,
            _ when key == KeyMap.Times => ToggleTimes,
            _ when key == KeyMap.Inbox => ShowInbox,
            _ when key == KeyMap.Quit => RequestQuit,
            _ => null,
        };
        if (action is null) return base.OnKeyDown(key);
        action();
        return true;
    }
}
