namespace SmtpConsole.Core.Messages;

/// <summary>
/// What the command runner's helpers (/ehlo, /starttls, /connect, /data, /bdat, /pipeline, /compose, /mx) say around
/// what they send, worded in <see cref="CoreMessages.Language"/>. Texts: <c>Runner.*</c> keys of the catalogue.
/// </summary>
[MessageArea("Runner.")]
public static partial class RunnerMessages;
