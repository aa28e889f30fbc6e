namespace SmtpConsole.App;

/// <summary>What the step queue is doing at one moment: the running step's display text (null when idle) and how many wait.</summary>
internal sealed record ActivitySnapshot(string? Running, int Queued)
{
    public static ActivitySnapshot Idle { get; } = new(null, 0);

    public bool IsIdle => Running is null && Queued == 0;
}
