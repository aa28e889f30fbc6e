namespace SmtpConsole.Core.Diagnosis;

/// <summary>A knowledge-base entry's words in another language: its title, cause, fix steps and one-line hint.</summary>
public sealed record LocalizedEntryText(string Title, string Cause, IReadOnlyList<string> Fix, string? Hint);
