namespace SmtpConsole.Core.Commands;

/// <summary>For scripts without a terminal: never prompts, never consents.</summary>
public sealed class NonInteractive : IConsoleInteraction
{
    public static NonInteractive Instance { get; } = new();

    public Task<string?> PromptSecretAsync(string prompt, CancellationToken ct) => Task.FromResult<string?>(null);

    public Task<bool> ConfirmPlaintextAuthAsync(string question, CancellationToken ct) => Task.FromResult(false);

    public void ReportDataProgress(long sent, long total)
    {
    }
}
