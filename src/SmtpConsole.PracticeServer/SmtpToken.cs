namespace SmtpConsole.PracticeServer;

/// <summary>One word of an SMTP command line.</summary>
/// <param name="Value">The text, with any &lt;...&gt; or "..." quoting kept.</param>
/// <param name="IsMalformed">True when an opening &lt; or " was never closed.</param>
internal readonly record struct SmtpToken(string Value, bool IsMalformed);
