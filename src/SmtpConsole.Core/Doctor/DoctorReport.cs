namespace SmtpConsole.Core.Doctor;

/// <summary>Everything the doctor found, in the order it checked.</summary>
public sealed record DoctorReport(IReadOnlyList<DoctorFinding> Findings)
{
    public bool Failed => Findings.Any(f => f.Status == FindingStatus.Fail);

    /// <summary>True when nothing could be learned past the connection (exit code 3).</summary>
    public bool ConnectionFailed { get; init; }
}
