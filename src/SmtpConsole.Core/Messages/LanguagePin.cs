namespace SmtpConsole.Core.Messages;

/// <summary>A language written down for the console (in a profile, in the user's config file) and where, for errors.</summary>
/// <param name="Value">The name as written (<c>zh-CN</c>, <c>en</c>…).</param>
/// <param name="Source">Where it was written, as a user can find it again: a file path, with its line when known.</param>
public sealed record LanguagePin(string Value, string Source);
