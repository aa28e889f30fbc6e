namespace SmtpConsole.Core.Commands;

/// <summary>What the runner needs from whoever is at the keyboard (the TUI) or from a script's surroundings.</summary>
public interface IConsoleInteraction
{
    /// <summary>Asks for a secret without echoing it; null when there is nobody to ask or the user cancelled.</summary>
    Task<string?> PromptSecretAsync(string prompt, CancellationToken ct);

    /// <summary>
    /// True when a person can be asked (the TUI, a terminal): a secret prompt that gives nothing was then cancelled
    /// by them, and the runner says so instead of explaining how to run interactively.
    /// </summary>
    bool CanAsk => false;

    /// <summary>Asks whether credentials may go out without TLS; false when there is nobody to ask.</summary>
    Task<bool> ConfirmPlaintextAuthAsync(string question, CancellationToken ct);

    /// <summary>Progress of a streamed body: bytes sent so far and the total (-1 when unknown).</summary>
    void ReportDataProgress(long sent, long total);
}
