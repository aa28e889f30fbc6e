namespace SmtpConsole.App;

/// <summary>
/// The latest-value state engine threads changed since the previous tick, taken once per tick from the
/// <see cref="UiDispatcher"/>: whether the status line and the activity (mode line, prompt) need redrawing, and
/// the newest DATA/BDAT progress.
/// </summary>
internal readonly record struct ScreenChanges(bool Status, bool Activity, (long Sent, long Total)? Progress);
