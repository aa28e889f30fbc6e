namespace SmtpConsole.App;

/// <summary>A masked prompt (password, token); null answers "no secret" (Esc, or the step was cancelled).</summary>
internal sealed record SecretQuestion(string Prompt, TaskCompletionSource<string?> Answer) : ScreenQuestion
{
    public override bool IsSettled => Answer.Task.IsCompleted;
}
