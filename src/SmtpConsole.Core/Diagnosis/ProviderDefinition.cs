namespace SmtpConsole.Core.Diagnosis;

/// <summary>A mail provider or server software the knowledge base knows (from <c>providers.json</c>).</summary>
public sealed class ProviderDefinition
{
    /// <summary>Stable id used by knowledge entries and profiles, e.g. <c>gmail</c>.</summary>
    public string Id { get; init; } = "";

    /// <summary>Display name, e.g. <c>Gmail</c>.</summary>
    public string Name { get; init; } = "";

    /// <summary>Provider documentation start page.</summary>
    public string? Docs { get; init; }

    /// <summary>Ids whose knowledge entries also apply to this provider (e.g. google-workspace inherits gmail).</summary>
    public IReadOnlyList<string> Inherits { get; init; } = [];

    /// <summary>Case-insensitive .NET regexes matched against the server host name.</summary>
    public IReadOnlyList<string> Hosts { get; init; } = [];

    /// <summary>Case-insensitive .NET regexes matched against the 220 greeting.</summary>
    public IReadOnlyList<string> Greetings { get; init; } = [];

    /// <summary>Case-insensitive .NET regexes matched against reply text (signatures like <c>gsmtp</c>).</summary>
    public IReadOnlyList<string> ReplyText { get; init; } = [];

    /// <summary>
    /// True for server software (Postfix, Exim, Dovecot, Coremail) rather than a mail service: a provider's own hosts
    /// may run it, so a software greeting does not overrule a provider recognised from the host.
    /// </summary>
    public bool Software { get; init; }

    /// <summary>Where the recognition data was verified.</summary>
    public string? Source { get; init; }
}
