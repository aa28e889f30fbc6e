namespace SmtpConsole.Core.Scripts;

public enum ScriptLineKind
{
    /// <summary>A command-language line: raw SMTP, a helper or <c>/expect</c>.</summary>
    Command,
    /// <summary>A message body line (after a DATA that a 354 may answer), or the lone '.'. Sent only after a 354.</summary>
    Body,
    /// <summary>An expectation on the previous step's reply code, from a transcript's <c>S:</c> line.</summary>
    ExpectCode,
}
