using SmtpConsole.Core.Session;

namespace SmtpConsole.Core.Commands;

/// <summary>The result of running one line.</summary>
public sealed record StepOutcome(StepStatus Status, CommandResult? Result = null, string? Message = null)
{
    public static StepOutcome Ok(CommandResult? result = null) => new(StepStatus.Ok, result);
    public static StepOutcome Usage(string message) => new(StepStatus.UsageError, null, message);
}
