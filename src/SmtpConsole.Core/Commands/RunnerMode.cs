namespace SmtpConsole.Core.Commands;

/// <summary>How the runner reads the next line.</summary>
public enum RunnerMode
{
    /// <summary>Lines are commands (raw SMTP or helpers).</summary>
    Command,
    /// <summary>After a 354: lines are message body, dot-stuffed, until a lone '.'.</summary>
    DataBody,
    /// <summary>Inside <c>/pipeline</c>: lines are collected and sent together at <c>/end</c>.</summary>
    Pipeline,
}
