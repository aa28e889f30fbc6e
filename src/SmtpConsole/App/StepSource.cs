namespace SmtpConsole.App;

/// <summary>Where a queued step came from; only typed lines go into the history.</summary>
internal enum StepSource
{
    /// <summary>Typed at the input line.</summary>
    Typed,

    /// <summary>A line of a script being replayed (may hold expanded secrets: never stored).</summary>
    Script,

    /// <summary>Started by the console itself or a dialog (the initial connect, quitting).</summary>
    Internal,
}
