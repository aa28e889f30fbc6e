namespace SmtpConsole.Core.Doctor;

/// <summary>One row of the doctor's table: what was checked, how it went, and what to do about it.</summary>
public sealed record DoctorFinding(string Check, FindingStatus Status, string Detail, string? Fix = null);
