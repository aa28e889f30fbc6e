namespace SmtpConsole.App;

/// <summary>A yes/no consent (sending credentials without TLS); false unless the person says yes.</summary>
internal sealed record ConsentQuestion(string Question, TaskCompletionSource<bool> Answer) : ScreenQuestion
{
    public override bool IsSettled => Answer.Task.IsCompleted;
}
