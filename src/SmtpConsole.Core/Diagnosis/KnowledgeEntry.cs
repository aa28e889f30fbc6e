namespace SmtpConsole.Core.Diagnosis;

/// <summary>One diagnosis from <c>knowledge-base.json</c>: which replies it explains and what to do about them.</summary>
public sealed class KnowledgeEntry
{
    /// <summary>Unique id, e.g. <c>gmail-535-bad-credentials</c>.</summary>
    public string Id { get; init; } = "";

    /// <summary>Provider ids this applies to; empty means generic (any server).</summary>
    public IReadOnlyList<string> Providers { get; init; } = [];

    /// <summary>Reply codes: exact (<c>535</c>), tens (<c>53x</c>) or class (<c>5xx</c>).</summary>
    public IReadOnlyList<string> Codes { get; init; } = [];

    /// <summary>Optional enhanced code: <c>5.7.8</c>, <c>X.7.8</c> (any class), <c>5.7.*</c>, <c>X.7.2*</c>.</summary>
    public string? Enhanced { get; init; }

    /// <summary>Optional case-insensitive .NET regex that must match the reply text.</summary>
    public string? Pattern { get; init; }

    /// <summary>
    /// True when the pattern is wording other servers use too: the entry then applies only when its provider
    /// was recognised (host, greeting or signature), never on the text alone.
    /// </summary>
    public bool SharedText { get; init; }

    /// <summary>Optional command phase this entry is about: auth, mail, rcpt, data, starttls, ehlo, connect.</summary>
    public string? Phase { get; init; }

    /// <summary>
    /// Whether retrying the same thing later can succeed: <c>true</c> (a temporary state), <c>false</c> (nothing changes
    /// until the cause is fixed, even when the server sent a 4xx code); null when it follows the reply class.
    /// </summary>
    public bool? RetryHelps { get; init; }

    /// <summary>
    /// True when the provider uses the enhanced code outside its IANA registry meaning, so the registry title would
    /// mislead (e.g. Microsoft's <c>5.7.3</c> for authentication, registered as "conversion required").
    /// </summary>
    public bool RegistryTitleMisleading { get; init; }

    /// <summary>Short title.</summary>
    public string Title { get; init; } = "";

    /// <summary>Very short hint for the one-line TUI hint (falls back to <see cref="Title"/>).</summary>
    public string? Hint { get; init; }

    /// <summary>Why the server said this.</summary>
    public string Cause { get; init; } = "";

    /// <summary>Concrete steps to fix it.</summary>
    public IReadOnlyList<string> Fix { get; init; } = [];

    /// <summary>Documentation link.</summary>
    public string? Docs { get; init; }

    /// <summary>Where the reply text or behaviour was verified.</summary>
    public string Source { get; init; } = "";

    /// <summary>A real reply text this entry explains.</summary>
    public string? Example { get; init; }

    /// <summary>True for entries that apply to any server.</summary>
    public bool IsGeneric => Providers.Count == 0;
}
