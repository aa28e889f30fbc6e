namespace SmtpConsole.Core.Profiles;

/// <summary>The outcome of merging one profile: the profile, or <see langword="null"/> when it had errors.</summary>
internal sealed record ProfileResolution(ConnectionProfile? Profile, IReadOnlyList<ProfileDiagnostic> Diagnostics);
