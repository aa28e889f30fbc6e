using SmtpConsole.Core.Messages;
using Terminal.Gui.Input;

namespace SmtpConsole.Tui;

/// <summary>The console's keys in one table: the window dispatches from it, the status bar and F1 help show it.</summary>
internal static class KeyMap
{
    public static readonly Key Help = Key.F1;
    public static readonly Key Connect = Key.F2;
    public static readonly Key Details = Key.F3;
    public static readonly Key Explain = Key.F4;
    public static readonly Key Save = Key.F7;
    public static readonly Key ScriptStep = Key.F8;
    public static readonly Key ScriptRest = Key.F8.WithShift;
    public static readonly Key Times = Key.F9;
    public static readonly Key Timeline = Key.F9.WithShift;
    public static readonly Key Inbox = Key.F10;
    public static readonly Key Quit = Key.Q.WithCtrl;

    /// <summary>Every key with what it does, for the help screen, in <paramref name="language"/>.</summary>
    public static IReadOnlyList<(string Keys, string Action)> DescriptionsIn(UiLanguage language) =>
        [.. Descriptions.Select((d, i) => (language.Say($"Help.Key.{i:00}"), language.Say($"Help.Action.{i:00}")))];

    /// <summary>Every key with what it does, for the help screen (the English reference; the catalogue has the same list under Tui.Help.*).</summary>
    public static IReadOnlyList<(string Keys, string Action)> Descriptions { get; } =
    [
        ("Enter", "send the line (raw SMTP or a /helper); in the transcript: details of the selected line"),
        ("Up / Down", "previous / next line from the history (in the transcript: move the selection)"),
        ("Ctrl+R", "search the history backwards (Ctrl+R again: older match; Esc cancels)"),
        ("Tab", "complete verbs, helpers, AUTH mechanisms and MAIL/RCPT parameters the server advertised"),
        ("Shift+Tab", "move into the transcript to select lines (Esc or Tab comes back)"),
        ("PgUp / PgDn", "scroll the transcript; it follows new output again at the bottom"),
        ("Ctrl+Home / Ctrl+End", "top / bottom of the transcript (also Home / End on an empty line)"),
        ("Ctrl+U", "delete from the start of the line to the cursor"),
        ("Esc / Ctrl+C", "cancel the pending step and drop queued lines (not the console); on an idle line: clear it (on an empty one: how to quit)"),
        ("paste", "a multi-line paste sends every line: body lines at DATA>, queued commands at smtp>"),
        ("F1", "this help"),
        ("F2", "connect dialog (host, port, security, profile)"),
        ("F3", "details of the selected line: raw bytes, decoded payload, enhanced code, timing"),
        ("F4", "explain the selected reply (or the last failing one)"),
        ("F7", "save the transcript (C:/S: text that replays as a script, or JSON lines; secrets redacted)"),
        ("F8 / Shift+F8", "open a script; while stepping: run the next line / run the rest"),
        ("F9 / Shift+F9", "show or hide the time and latency column / the round-trip timeline (sparkline and bars; a slow step stands out)"),
        ("F10", "the practice server's inbox: every message that arrived, envelope and bytes"),
        ("Ctrl+Q, /quit, /exit", "quit (sends QUIT first when connected); a bare quit quits only when not connected (else it is the SMTP command); a summary stays on the terminal"),
        ("mouse", "wheel scrolls; click selects a line; double-click shows its details"),
    ];
}
