namespace SmtpConsole.Core.Session;

/// <summary>The outcome of checking a server certificate: accepted or not, and every problem in words.</summary>
public sealed record TlsVerdict(bool Accepted, IReadOnlyList<string> Problems, string TrustBasis);
