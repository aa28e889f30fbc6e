using System.Text.RegularExpressions;

namespace SmtpConsole.Core.Diagnosis;

/// <summary>Recognises the provider (or server software) behind a reply from host name, greeting or reply text.</summary>
public sealed class ProviderRecognizer
{
    private readonly Dictionary<string, ProviderDefinition> _byId;
    private readonly List<(ProviderDefinition Provider, Regex[] Hosts, Regex[] Greetings, Regex[] Text)> _ordered;
    private readonly List<string> _problems = [];

    /// <summary>Builds a recognizer over the given providers; invalid regexes are skipped and reported in <see cref="Problems"/>.</summary>
    public ProviderRecognizer(IReadOnlyList<ProviderDefinition> providers)
    {
        ArgumentNullException.ThrowIfNull(providers);
        Providers = providers;
        _byId = new Dictionary<string, ProviderDefinition>(StringComparer.OrdinalIgnoreCase);
        foreach (var p in providers)
        {
            if (string.IsNullOrWhiteSpace(p.Id)) { _problems.Add("provider without id"); continue; }
            if (!_byId.TryAdd(p.Id, p)) _problems.Add($"provider {p.Id}: duplicate id");
        }
        foreach (var p in providers)
            foreach (string parent in p.Inherits)
                if (!_byId.ContainsKey(parent)) _problems.Add($"provider {p.Id}: inherits unknown provider '{parent}'");

        // Children first: a Workspace relay host must win over the generic google.com pattern of its parent.
        _ordered = providers
            .Where(p => !string.IsNullOrWhiteSpace(p.Id))
            .Select((p, i) => (p, i))
            .OrderByDescending(t => Depth(t.p))
            .ThenBy(t => t.i)
            .Select(t => (t.p,
                Compile(t.p.Hosts, t.p.Id, "host"),
                Compile(t.p.Greetings, t.p.Id, "greeting"),
                Compile(t.p.ReplyText, t.p.Id, "replyText")))
            .ToList();
    }

    /// <summary>The recognizer over the embedded <c>providers.json</c>.</summary>
    public static ProviderRecognizer Default => KnowledgeBase.Default.Recognizer;

    /// <summary>All known providers.</summary>
    public IReadOnlyList<ProviderDefinition> Providers { get; }

    /// <summary>Data problems found while building (bad regexes, unknown parents, duplicate ids).</summary>
    public IReadOnlyList<string> Problems => _problems;

    /// <summary>Finds a provider by id (case-insensitive).</summary>
    public ProviderDefinition? Find(string? id) => id is not null && _byId.TryGetValue(id, out var p) ? p : null;

    /// <summary>True when <paramref name="providerId"/> is <paramref name="familyId"/> or inherits from it.</summary>
    public bool IsInFamily(string providerId, string familyId)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var queue = new Queue<string>();
        queue.Enqueue(providerId);
        while (queue.Count > 0)
        {
            string id = queue.Dequeue();
            if (!seen.Add(id)) continue;
            if (string.Equals(id, familyId, StringComparison.OrdinalIgnoreCase)) return true;
            if (_byId.TryGetValue(id, out var p))
                foreach (string parent in p.Inherits) queue.Enqueue(parent);
        }
        return false;
    }

    /// <summary>
    /// Recognises the provider: profile hint, then host name, then greeting, then provider signatures in the reply text.
    /// Returns null when nothing matches.
    /// </summary>
    public RecognizedProvider? Recognize(string? host, string? greeting, string? replyText = null, string? providerHint = null)
    {
        if (Find(providerHint) is { } hinted) return new RecognizedProvider(hinted, ProviderEvidence.Hint, hinted.Id);
        RecognizedProvider? byHost = null, byGreeting = null;
        string? h = host?.Trim().TrimEnd('.');
        if (!string.IsNullOrEmpty(h))
            foreach (var (p, hosts, _, _) in _ordered)
                if (hosts.Any(r => DiagnosisRegex.SafeMatch(r, h) is not null))
                {
                    byHost = new RecognizedProvider(p, ProviderEvidence.Host, h);
                    break;
                }
        if (!string.IsNullOrWhiteSpace(greeting))
            foreach (var (p, _, greetings, _) in _ordered)
                if (greetings.Any(r => DiagnosisRegex.SafeMatch(r, greeting) is not null))
                {
                    byGreeting = new RecognizedProvider(p, ProviderEvidence.Greeting, greeting.Trim());
                    break;
                }
        // A greeting that names a mail service is the server naming itself; a host name is a guess (a custom domain,
        // a relay, a name picked out of a log). When they disagree the service in the greeting wins. Server software
        // in the greeting (Postfix…) does not: the host's provider may run it. Within one family the host stays.
        if (byHost is not null && byGreeting is not null && !byGreeting.Provider.Software && !IsInFamily(byHost.Id, byGreeting.Id))
            return byGreeting;
        if (byHost is not null) return byHost;
        if (byGreeting is not null) return byGreeting;
        if (!string.IsNullOrWhiteSpace(replyText))
            foreach (var (p, _, _, texts) in _ordered)
                foreach (var r in texts)
                    if (DiagnosisRegex.SafeMatch(r, replyText) is { } m)
                        return new RecognizedProvider(p, ProviderEvidence.ReplyText, m.Value);
        return null;
    }

    private int Depth(ProviderDefinition p)
    {
        int depth = 0;
        var current = p;
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (current.Inherits.Count > 0 && seen.Add(current.Id) && _byId.TryGetValue(current.Inherits[0], out var parent))
        {
            depth++;
            current = parent;
        }
        return depth;
    }

    private Regex[] Compile(IReadOnlyList<string> patterns, string id, string kind) =>
        patterns.Select(p => DiagnosisRegex.TryCreate(p, $"provider {id} {kind}", _problems)).OfType<Regex>().ToArray();
}
