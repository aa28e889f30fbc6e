namespace SmtpConsole.Core.Messages;

/// <summary>
/// Why a step of the command runner failed, as replay's "this step failed" line and the TUI say it, worded in
/// <see cref="CoreMessages.Language"/>. Texts: <c>Step.*</c> keys of the catalogue.
/// </summary>
[MessageArea("Step.")]
public static partial class StepMessages;
