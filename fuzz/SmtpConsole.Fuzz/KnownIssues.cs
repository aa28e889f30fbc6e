namespace SmtpConsole.Fuzz;

/// <summary>
/// Crashes already reported whose fix belongs to code this suite does not own. They are skipped so the CI smoke run
/// keeps finding new problems; FUZZ_STRICT=1 turns them back into crashes (fuzz/README.md lists each one).
/// </summary>
internal static class KnownIssues
{
    /// <summary>
    /// K1: ScriptReader turns a transcript line "S: 199 …" or "S: 600 …" (a hostile server's reply, saved as received)
    /// into an expectation that ExpectationSpec.Parse rejects; ScriptRunner parses it without a catch, so replay throws.
    /// </summary>
    public static bool Tolerated { get; } = Environment.GetEnvironmentVariable("FUZZ_STRICT") != "1";
}
