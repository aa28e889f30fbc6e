using SmtpConsole.Core.Commands;
using SmtpConsole.Core.Transcript;

namespace SmtpConsole.App;

/// <summary>
/// Everything engine threads produced since the previous tick, taken once per tick from the <see cref="UiDispatcher"/>:
/// posted actions and questions (in the order they came), new transcript events (in recording order), and the newest
/// value of each piece of state that changed (null when it did not): status, activity, mode, DATA/BDAT progress.
/// <see cref="Activity"/> also comes (unchanged) when only the UI's own part of the mode line moved (script, quitting).
/// <see cref="Events"/> is the dispatcher's buffer: valid until the next take.
/// </summary>
internal readonly record struct ScreenChanges(
    IReadOnlyList<Action> Actions,
    IReadOnlyList<ScreenQuestion> Questions,
    IReadOnlyList<TranscriptEvent> Events,
    StatusSnapshot? Status,
    ActivitySnapshot? Activity,
    RunnerMode? Mode,
    (long Sent, long Total)? Progress);
