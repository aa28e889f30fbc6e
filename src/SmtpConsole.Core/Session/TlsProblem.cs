using SmtpConsole.Core.Messages;

namespace SmtpConsole.Core.Session;

/// <summary>
/// One thing wrong with a server certificate, with the values needed to say it; worded where it is shown
/// (<see cref="TlsProblemWording"/>), so the engine, doctor and each front end speak the user's language.
/// </summary>
/// <param name="Kind">What is wrong.</param>
public sealed record TlsProblem(TlsProblemKind Kind)
{
    /// <summary>NameMismatch: the host name asked for.</summary>
    public string? Host { get; init; }

    /// <summary>NameMismatch: the names the certificate is for ("DNS:…", "IP:…", or its subject when it has none).</summary>
    public string? ValidFor { get; init; }

    /// <summary>Expired: when it ended; NotYetValid: when it begins (UTC).</summary>
    public DateTime? When { get; init; }

    /// <summary>UntrustedRoot: the subject of the certificate the chain ends at (made safe to print).</summary>
    public string? RootSubject { get; init; }

    /// <summary>Other: the platform's chain status and its text, as the platform says it.</summary>
    public string? Detail { get; init; }

    /// <summary>What the user can do about it on this side, or <see cref="Remedy.None"/> when only the server's administrator can.</summary>
    public Remedy Remedy => Kind switch
    {
        TlsProblemKind.UntrustedRoot or TlsProblemKind.IncompleteChain => Remedy.TrustCaFile,
        _ => Remedy.None,
    };

    /// <summary>The problem in English (logs, JSON, tests); front ends word it with <see cref="TlsProblemWording"/>.</summary>
    public override string ToString() => TlsProblemWording.Describe(this, UiLanguage.English);
}
