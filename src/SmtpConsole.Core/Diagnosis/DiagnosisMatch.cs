namespace SmtpConsole.Core.Diagnosis;

/// <summary>A knowledge entry that fits a reply, with its score and the reasons it fits.</summary>
/// <param name="Entry">The matched entry.</param>
/// <param name="Score">Higher is better; only meaningful relative to other matches of the same reply.</param>
/// <param name="Reasons">Why it matched, e.g. "code 535", "pattern 'Username and Password not accepted'".</param>
public sealed record DiagnosisMatch(KnowledgeEntry Entry, int Score, IReadOnlyList<string> Reasons);
