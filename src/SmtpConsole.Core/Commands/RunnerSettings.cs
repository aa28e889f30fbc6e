using SmtpConsole.Core.Session;

namespace SmtpConsole.Core.Commands;

/// <summary>What the runner knows about its surroundings: connection defaults, consent, profiles, paths.</summary>
public sealed record RunnerSettings
{
    /// <summary>Defaults for <c>/connect</c> (timeouts, --cafile, --insecure, EHLO name). Host and port are replaced.</summary>
    public ConnectOptions Defaults { get; init; } = new() { Host = "localhost", Port = 25 };

    /// <summary>--allow-plaintext-auth: credentials may go out without TLS.</summary>
    public bool AllowPlaintextAuth { get; init; }

    /// <summary>Turns a profile name into connection options, or null when no such profile exists.</summary>
    public Func<string, ConnectOptions?>? ResolveProfile { get; init; }

    /// <summary>Looks up MX hosts for a domain, best first (for <c>/mx</c> and <c>/connect mx:DOMAIN</c>).</summary>
    public Func<string, CancellationToken, Task<IReadOnlyList<string>>>? LookupMx { get; init; }

    /// <summary>Provider rules for live advice (from the profile in use).</summary>
    public Analysis.AdvisorRules AdvisorRules { get; init; } = Analysis.AdvisorRules.None;

    /// <summary>Where relative <c>@FILE</c> paths are resolved (the script's folder, or the current directory).</summary>
    public string BaseDirectory { get; init; } = Environment.CurrentDirectory;
}
