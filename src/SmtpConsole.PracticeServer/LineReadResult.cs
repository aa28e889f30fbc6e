namespace SmtpConsole.PracticeServer;

/// <summary>The outcome of reading one command line.</summary>
/// <param name="Status">How the read ended.</param>
/// <param name="Line">The line without its line ending, when <paramref name="Status"/> is <see cref="LineReadStatus.Line"/>.</param>
internal readonly record struct LineReadResult(LineReadStatus Status, string? Line = null);
