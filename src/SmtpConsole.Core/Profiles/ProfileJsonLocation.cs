namespace SmtpConsole.Core.Profiles;

/// <summary>1-based line and column of a token in a profile file.</summary>
internal readonly record struct ProfileJsonLocation(int Line, int Column);
