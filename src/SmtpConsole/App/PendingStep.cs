using SmtpConsole.Core.Commands;

namespace SmtpConsole.App;

/// <summary>One queued unit of work for the session: a line of the command language, or an action.</summary>
internal sealed class PendingStep
{
    public PendingStep(string display, StepSource source, string? line, Func<CancellationToken, Task<StepOutcome>>? action)
    {
        Display = display;
        Source = source;
        Line = line;
        Action = action;
    }

    /// <summary>What the status shows while the step waits or runs (never a secret: body lines are summarised).</summary>
    public string Display { get; }

    public StepSource Source { get; }

    /// <summary>The line for the runner; null for an action.</summary>
    public string? Line { get; }

    public Func<CancellationToken, Task<StepOutcome>>? Action { get; }

    /// <summary>Completes with the outcome, or null when the step was dropped before it ran.</summary>
    public TaskCompletionSource<StepOutcome?> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
