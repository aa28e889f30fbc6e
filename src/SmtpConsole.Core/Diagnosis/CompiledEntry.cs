using System.Text.RegularExpressions;

namespace SmtpConsole.Core.Diagnosis;

/// <summary>A knowledge entry with its selectors parsed and its regex compiled once.</summary>
internal sealed record CompiledEntry(KnowledgeEntry Entry, IReadOnlyList<CodePattern> Codes, EnhancedPattern? Enhanced, Regex? Pattern);
