namespace SmtpConsole.Core.Commands;

/// <summary><c>/compose --from A --to B … [--bdat]</c>: builds a MIME message and sends it (MAIL, RCPT, DATA or BDAT).</summary>
/// <param name="Draft">The message fields.</param>
/// <param name="TextFile">--text-file: read (relative to the runner's folder) when the command runs.</param>
/// <param name="HtmlFile">--html-file: likewise.</param>
public sealed record ComposeCommand(Compose.MessageDraft Draft, string? TextFile = null, string? HtmlFile = null) : ConsoleCommand;
