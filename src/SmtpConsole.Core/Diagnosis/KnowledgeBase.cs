using System.Text.Json;
using SmtpConsole.Core.Diagnosis.Json;

namespace SmtpConsole.Core.Diagnosis;

/// <summary>
/// The diagnosis data (knowledge entries, providers, status registry) loaded from the embedded JSON files.
/// Broken data never throws at run time: bad entries are skipped and listed in <see cref="Problems"/>,
/// which the test suite requires to be empty.
/// </summary>
public sealed class KnowledgeBase
{
    /// <summary>Manifest resource names of the embedded data files.</summary>
    public const string KnowledgeBaseResource = "SmtpConsole.Diagnosis.knowledge-base.json";

    /// <inheritdoc cref="KnowledgeBaseResource"/>
    public const string ProvidersResource = "SmtpConsole.Diagnosis.providers.json";

    /// <inheritdoc cref="KnowledgeBaseResource"/>
    public const string StatusCodesResource = "SmtpConsole.Diagnosis.enhanced-status-codes.json";

    private static readonly Lazy<KnowledgeBase> s_default = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly HashSet<string> s_phases = new(StringComparer.OrdinalIgnoreCase)
        { "auth", "mail", "rcpt", "data", "starttls", "ehlo", "connect" };

    private KnowledgeBase(
        IReadOnlyList<KnowledgeEntry> entries,
        IReadOnlyList<CompiledEntry> compiled,
        ProviderRecognizer recognizer,
        EnhancedStatusRegistry registry,
        IReadOnlyList<string> problems)
    {
        Entries = entries;
        Compiled = compiled;
        Recognizer = recognizer;
        Registry = registry;
        Problems = problems;
    }

    /// <summary>The knowledge base from the data embedded in SmtpConsole.Core, loaded once on first use.</summary>
    public static KnowledgeBase Default => s_default.Value;

    /// <summary>All entries as written in the data, including any skipped because of problems.</summary>
    public IReadOnlyList<KnowledgeEntry> Entries { get; }

    /// <summary>Provider recognition over <c>providers.json</c>.</summary>
    public ProviderRecognizer Recognizer { get; }

    /// <summary>The enhanced status code registry.</summary>
    public EnhancedStatusRegistry Registry { get; }

    /// <summary>Everything wrong with the data; empty for shipped data.</summary>
    public IReadOnlyList<string> Problems { get; }

    internal IReadOnlyList<CompiledEntry> Compiled { get; }

    /// <summary>Finds an entry by id.</summary>
    public KnowledgeEntry? Find(string id) => Entries.FirstOrDefault(e => string.Equals(e.Id, id, StringComparison.Ordinal));

    /// <summary>Builds a knowledge base from JSON texts (used by tests and by anyone shipping extra data).</summary>
    public static KnowledgeBase FromJson(string knowledgeBaseJson, string providersJson, string statusCodesJson)
    {
        var problems = new List<string>();
        var kb = Deserialize(knowledgeBaseJson, DiagnosisJsonContext.Default.KnowledgeBaseDocument, "knowledge-base.json", problems) ?? new();
        var providers = Deserialize(providersJson, DiagnosisJsonContext.Default.ProvidersDocument, "providers.json", problems) ?? new();
        var codes = Deserialize(statusCodesJson, DiagnosisJsonContext.Default.StatusRegistryDocument, "enhanced-status-codes.json", problems) ?? new();
        return Build(kb, providers, codes, problems);
    }

    private static KnowledgeBase LoadEmbedded()
    {
        var asm = typeof(KnowledgeBase).Assembly;
        return FromJson(ReadResource(asm, KnowledgeBaseResource), ReadResource(asm, ProvidersResource), ReadResource(asm, StatusCodesResource));
    }

    private static string ReadResource(System.Reflection.Assembly asm, string name)
    {
        using var stream = asm.GetManifestResourceStream(name);
        if (stream is null) return "{}";
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static T? Deserialize<T>(string json, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> info, string file, List<string> problems)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize(json, info);
        }
        catch (JsonException ex)
        {
            problems.Add($"{file}: {ex.Message}");
            return null;
        }
    }

    private static KnowledgeBase Build(KnowledgeBaseDocument kb, ProvidersDocument providers, StatusRegistryDocument codes, List<string> problems)
    {
        var registry = new EnhancedStatusRegistry(
            codes.Classes.Where(c => c.Class is not null).Select(c => new StatusCategoryMeaning(c.Class!.Value, c.Title, c.Description, c.Rfc)),
            codes.Subjects.Where(s => s.Subject is not null).Select(s => new StatusCategoryMeaning(s.Subject!.Value, s.Title, s.Description, s.Rfc)),
            codes.Codes,
            codes.ReplyCodes,
            codes.Source);
        foreach (var c in codes.Codes)
            if (EnhancedPattern.TryParse(c.Code) is null || !c.Code.StartsWith("X.", StringComparison.Ordinal))
                problems.Add($"enhanced-status-codes.json: bad code key '{c.Code}'");

        var recognizer = new ProviderRecognizer(providers.Providers);
        problems.AddRange(recognizer.Problems);

        var compiled = new List<CompiledEntry>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in kb.Entries)
        {
            if (Compile(entry, recognizer, ids, problems) is { } c) compiled.Add(c);
        }
        return new KnowledgeBase(kb.Entries, compiled, recognizer, registry, problems);
    }

    private static CompiledEntry? Compile(KnowledgeEntry entry, ProviderRecognizer recognizer, HashSet<string> ids, List<string> problems)
    {
        string owner = $"entry {(string.IsNullOrEmpty(entry.Id) ? "(no id)" : entry.Id)}";
        int before = problems.Count;
        if (string.IsNullOrWhiteSpace(entry.Id)) problems.Add($"{owner}: missing id");
        else if (!ids.Add(entry.Id)) problems.Add($"{owner}: duplicate id");
        if (string.IsNullOrWhiteSpace(entry.Title)) problems.Add($"{owner}: missing title");
        if (string.IsNullOrWhiteSpace(entry.Cause)) problems.Add($"{owner}: missing cause");
        if (entry.Fix.Count == 0 || entry.Fix.Any(string.IsNullOrWhiteSpace)) problems.Add($"{owner}: missing fix");
        if (string.IsNullOrWhiteSpace(entry.Source)) problems.Add($"{owner}: missing source");
        foreach (string p in entry.Providers)
            if (recognizer.Find(p) is null) problems.Add($"{owner}: unknown provider '{p}'");
        if (entry.Phase is not null && !s_phases.Contains(entry.Phase)) problems.Add($"{owner}: unknown phase '{entry.Phase}'");

        var codes = new List<CodePattern>();
        foreach (string c in entry.Codes)
        {
            if (CodePattern.TryParse(c, out var cp)) codes.Add(cp);
            else problems.Add($"{owner}: bad code selector '{c}'");
        }
        if (codes.Count == 0) problems.Add($"{owner}: no reply codes");

        EnhancedPattern? enhanced = null;
        if (entry.Enhanced is not null && (enhanced = EnhancedPattern.TryParse(entry.Enhanced)) is null)
            problems.Add($"{owner}: bad enhanced selector '{entry.Enhanced}'");

        var regex = entry.Pattern is null ? null : DiagnosisRegex.TryCreate(entry.Pattern, owner, problems);
        // Only a definite "no" drops the entry: a self-check that ran out of time on a busy machine must not silently
        // remove a good entry from every diagnosis the process makes.
        if (entry.Example is not null && regex is not null && DiagnosisRegex.TryMatch(regex, entry.Example, out _) == false)
            problems.Add($"{owner}: pattern does not match its own example");

        // An entry with any problem is left out of matching rather than guessed at.
        return problems.Count == before ? new CompiledEntry(entry, codes, enhanced, regex) : null;
    }
}
