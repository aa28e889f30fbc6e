using SmtpConsole.Core.Analysis;
using SmtpConsole.Core.Diagnosis;
using SmtpConsole.Core.Protocol;

namespace SmtpConsole.Core.Transcript;

/// <summary>
/// What the engine knows about one reply when it arrives: the command it answers, the phase that command was sent
/// in, and the hint and explanation worked out once. Every front end (screen, replay, JSON, log) shows these
/// instead of working them out again.
/// </summary>
/// <param name="Answers">The command this reply answers; null when no command was waiting (unsolicited).</param>
/// <param name="Phase">The session phase when the command was sent (before this reply moved it on).</param>
public sealed record ReplyContext(PendingCommand? Answers, SessionPhase Phase)
{
    /// <summary>The verb the reply answers (<c>MAIL</c>, <c>AUTH</c>, <c>CONNECT</c> for the greeting); null when unsolicited.</summary>
    public string? Verb => Answers?.Verb;

    /// <summary>The one-line hint for a failing reply, in the engine's words (no front end's keys); null when there is none.</summary>
    public string? Hint { get; init; }

    /// <summary>The cause read from the session's own state (what was sent, what the server answered), when one applies.</summary>
    public SessionStateHint? StateHint { get; init; }

    /// <summary>The knowledge-base explanation of a failing reply; null for 2xx/3xx replies (explained on demand).</summary>
    public Explanation? Explanation { get; init; }
}
