using SmtpConsole.Core.Messages;

namespace SmtpConsole.Core.Session;

/// <summary>The outcome of checking a server certificate: accepted or not, every problem found, and what it was trusted by.</summary>
/// <param name="Accepted">Whether the handshake may go on.</param>
/// <param name="Problems">What is wrong with the certificate; empty when it verified.</param>
/// <param name="TrustBasis">What it was judged against (or accepted by, for <see cref="TlsTrustBasis.Insecure"/>).</param>
public sealed record TlsVerdict(bool Accepted, IReadOnlyList<TlsProblem> Problems, TlsTrustBasis TrustBasis)
{
    /// <summary>The CA file given for this connection, when <see cref="TrustBasis"/> is <see cref="TlsTrustBasis.CaFile"/>.</summary>
    public string? CaFile { get; init; }

    /// <summary>The first thing the user can do about the problems (e.g. trust a private CA), or <see cref="Remedy.None"/>.</summary>
    public Remedy Remedy => Problems.Select(p => p.Remedy).FirstOrDefault(r => r != Remedy.None);

    /// <summary>Whether one of the problems is of <paramref name="kind"/>.</summary>
    public bool Has(TlsProblemKind kind) => Problems.Any(p => p.Kind == kind);
}
