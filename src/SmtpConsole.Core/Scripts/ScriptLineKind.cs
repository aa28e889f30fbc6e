namespace SmtpConsole.Core.Scripts;

public enum ScriptLineKind
{
    /// <summary>A command-language line: raw SMTP, a helper or <c>/expect</c>.</summary>
    Command,
    /// <summary>A message body line (after <c>/data</c>, a raw DATA, or inside a transcript's DATA), or the lone '.'.</summary>
    Body,
    /// <summary>An expectation on the previous reply's code, from a transcript's <c>S:</c> line.</summary>
    ExpectCode,
}
