using SmtpConsole.Core.Commands;

namespace SmtpConsole.Cli;

/// <summary>Headless commands ask secrets on the terminal when there is one; consent to plaintext auth only comes from the flag.</summary>
internal sealed class TerminalInteraction : IConsoleInteraction
{
    public bool CanAsk => TerminalPrompt.IsInteractive;

    public Task<string?> PromptSecretAsync(string prompt, CancellationToken ct) => Task.FromResult(TerminalPrompt.ReadSecret(prompt));

    public Task<bool> ConfirmPlaintextAuthAsync(string question, CancellationToken ct) => Task.FromResult(false);

    public void ReportDataProgress(long sent, long total)
    {
    }
}
