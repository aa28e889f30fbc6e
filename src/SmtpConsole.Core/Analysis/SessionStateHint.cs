using SmtpConsole.Core.Messages;

namespace SmtpConsole.Core.Analysis;

/// <summary>The real cause of a refusal read from the session's state, e.g. "MAIL FROM is missing" for RCPT sent first.</summary>
/// <param name="Rule">Which rule found it (stable, for tests and logs).</param>
/// <param name="Text">One line in the engine's words.</param>
/// <param name="Remedy">What to do, as a key each front end words itself.</param>
public sealed record SessionStateHint(SessionStateRule Rule, string Text, Remedy Remedy);
