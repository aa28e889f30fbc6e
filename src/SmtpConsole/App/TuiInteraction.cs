using SmtpConsole.Core.Commands;

namespace SmtpConsole.App;

/// <summary>
/// What the runner asks of the person at the keyboard. Called on engine threads: every question goes to the UI
/// thread as a typed <see cref="ScreenQuestion"/> on the <see cref="UiDispatcher"/>, and the window answers it
/// through its task; cancelling the step withdraws the question (answers it with "no").
/// </summary>
internal sealed class TuiInteraction : IConsoleInteraction
{
    private readonly UiDispatcher _ui;

    public TuiInteraction(UiDispatcher ui)
    {
        _ui = ui;
    }

    public bool CanAsk => true;

    public Task<string?> PromptSecretAsync(string prompt, CancellationToken ct) =>
        Ask(new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously), null, answer => new SecretQuestion(prompt, answer), ct);

    public Task<bool> ConfirmPlaintextAuthAsync(string question, CancellationToken ct) =>
        Ask(new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously), false, answer => new ConsentQuestion(question, answer), ct);

    /// <summary>Marked on the dispatcher; the UI picks the newest numbers up on its next tick (no flood of posts).</summary>
    public void ReportDataProgress(long sent, long total) => _ui.ReportProgress(sent, total);

    private Task<T> Ask<T>(TaskCompletionSource<T> answer, T withdrawn, Func<TaskCompletionSource<T>, ScreenQuestion> question, CancellationToken ct)
    {
        var registration = ct.Register(() => answer.TrySetResult(withdrawn));
        _ = answer.Task.ContinueWith(_ => registration.Dispose(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        _ui.Ask(question(answer));
        return answer.Task;
    }
}
