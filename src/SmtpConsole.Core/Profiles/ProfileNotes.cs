namespace SmtpConsole.Core.Profiles;

/// <summary>Provider advice shown in the TUI.</summary>
/// <param name="Connect">Shown when connecting with the profile (e.g. "use an App Password").</param>
/// <param name="Failure">Shown when authentication or sending fails.</param>
public sealed record ProfileNotes(IReadOnlyList<string> Connect, IReadOnlyList<string> Failure)
{
    /// <summary>No notes.</summary>
    public static ProfileNotes Empty { get; } = new([], []);
}
