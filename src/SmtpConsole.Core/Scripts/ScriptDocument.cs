namespace SmtpConsole.Core.Scripts;

/// <summary>A script ready to run: its lines and the variables it uses.</summary>
public sealed record ScriptDocument(string Source, IReadOnlyList<ScriptLine> Lines, IReadOnlySet<string> Variables, bool IsTranscript);
