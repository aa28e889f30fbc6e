using SmtpConsole.Core.Commands;

namespace SmtpConsole.App;

/// <summary>
/// What the runner asks of the person at the keyboard, answered with dialogs. Called on engine threads: every
/// question is posted to the UI thread and answered through a task; cancelling the step withdraws the question.
/// </summary>
internal sealed class TuiInteraction : IConsoleInteraction
{
    private readonly UiDispatcher _ui;

    public TuiInteraction(UiDispatcher ui)
    {
        _ui = ui;
    }

    /// <summary>Shows the masked prompt (set by the window once it exists).</summary>
    public Action<string, TaskCompletionSource<string?>>? ShowSecretPrompt { get; set; }

    /// <summary>Shows the yes/no consent question (set by the window once it exists).</summary>
    public Action<string, TaskCompletionSource<bool>>? ShowConfirm { get; set; }

    public Task<string?> PromptSecretAsync(string prompt, CancellationToken ct)
    {
        if (ShowSecretPrompt is not { } show) return Task.FromResult<string?>(null);
        var answer = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var registration = ct.Register(() => answer.TrySetResult(null));
        _ = answer.Task.ContinueWith(_ => registration.Dispose(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        _ui.Post(() => show(prompt, answer));
        return answer.Task;
    }

    public Task<bool> ConfirmPlaintextAuthAsync(string question, CancellationToken ct)
    {
        if (ShowConfirm is not { } show) return Task.FromResult(false);
        var answer = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var registration = ct.Register(() => answer.TrySetResult(false));
        _ = answer.Task.ContinueWith(_ => registration.Dispose(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        _ui.Post(() => show(question, answer));
        return answer.Task;
    }

    /// <summary>Marked on the dispatcher; the UI picks the newest numbers up on its next tick (no flood of posts).</summary>
    public void ReportDataProgress(long sent, long total) => _ui.ReportProgress(sent, total);
}
