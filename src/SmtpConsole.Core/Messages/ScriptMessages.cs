namespace SmtpConsole.Core.Messages;

/// <summary>
/// What the script engine (ScriptReader, ScriptStepper, VariableResolver, /expect) says about a script and its run,
/// worded in <see cref="CoreMessages.Language"/>: replay's <c>#</c> lines and the TUI's F8. <c>file:line</c> and
/// protocol words stay as they are inside Chinese sentences. Texts: <c>Script.*</c> keys of the catalogue.
/// </summary>
[MessageArea("Script.")]
public static partial class ScriptMessages;
