using System.Globalization;
using SmtpConsole.Core.Messages;

namespace SmtpConsole.Core.Diagnosis;

/// <summary>Explains SMTP replies using the knowledge base.</summary>
public static class ReplyExplainer
{
    // Weights: provider evidence dominates so a provider-specific entry beats any generic one;
    // within a tier code+enhanced+pattern > code+pattern > code+enhanced > code only.
    internal const int ProviderBonus = 100;
    internal const int UnrecognisedProviderPatternBonus = 40;
    internal const int OtherProviderPenalty = -20;
    internal const int PatternBonus = 30;
    internal const int EnhancedExactBonus = 20;
    internal const int EnhancedWildcardBonus = 10;
    internal const int PhaseBonus = 25;
    internal const int CodeExact = 10;
    internal const int CodeTens = 5;
    internal const int CodeClass = 2;

    private const int MaxHintLength = 100;

    /// <summary>Explains a reply with the given (default: embedded) knowledge base.</summary>
    public static Explanation Explain(ReplyFacts facts, KnowledgeBase? knowledgeBase = null)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var kb = knowledgeBase ?? KnowledgeBase.Default;
        string text = facts.Text;
        string? phase = ReplyFacts.NormalizePhase(facts.Phase);
        var provider = kb.Recognizer.Recognize(facts.Host, facts.Greeting, text, facts.ProviderHint);

        var matches = new List<DiagnosisMatch>();
        foreach (var entry in kb.Compiled)
        {
            if (Score(entry, facts, text, phase, provider, kb.Recognizer) is { } m) matches.Add(m);
        }
        // Stable order: equal scores keep data order, so data authors control tie-breaks.
        var ranked = matches.Select((m, i) => (m, i)).OrderByDescending(t => t.m.Score).ThenBy(t => t.i).Select(t => t.m).ToList();

        if (provider is null && ranked.Count > 0 && !ranked[0].Entry.IsGeneric
            && kb.Recognizer.Find(ranked[0].Entry.Providers[0]) is { } inferred)
            provider = new RecognizedProvider(inferred, ProviderEvidence.KnowledgeEntry, ranked[0].Entry.Id);

        var registry = kb.Registry;
        var best = ranked.FirstOrDefault();
        var enhancedMeaning = facts.Enhanced is { } e ? registry.Lookup(e) : null;
        bool registryMisleading = best is not null && best.Entry.RegistryTitleMisleading && enhancedMeaning is not null;
        string? origin = DescribeOrigin(facts);
        var explanation = new Explanation
        {
            Facts = facts,
            ReplyClass = DescribeClass(facts, best),
            CodeMeaning = facts.CodeInferred ? null : registry.GetReplyCode(facts.Code),
            EnhancedMeaning = enhancedMeaning,
            EnhancedMeaningMisleading = registryMisleading,
            EnhancedClass = facts.Enhanced is { } e1 ? registry.GetClass(e1.Class) : null,
            EnhancedSubject = facts.Enhanced is { } e2 ? registry.GetSubject(e2.Subject) : null,
            Provider = provider,
            Matches = ranked,
            Origin = origin,
            OneLineHint = facts.Code >= 400 || (facts.CodeUnknown && best is not null) ? BuildHint(best, provider, facts) : null,
            Summary = BuildSummary(facts, provider, best, registryMisleading ? null : enhancedMeaning, origin),
        };
        return explanation;
    }

    /// <summary>
    /// The reply class as it applies here: a 4xx the best entry knows will not pass with time is not called
    /// "retry later", and an unknown code is said to be unknown.
    /// </summary>
    public static string DescribeClass(ReplyFacts facts, DiagnosisMatch? best, UiLanguage language = UiLanguage.English)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (facts.CodeUnknown) return ClassText(language, "CodeUnknown");
        string text = DescribeClass(facts.Code, language);
        if (facts.Code / 100 == 4 && best?.Entry.RetryHelps == false)
            text = ClassText(language, "TransientRetryUseless");
        else if (facts.Code / 100 == 5 && best?.Entry.RetryHelps == true)
            text = ClassText(language, "PermanentButPasses");
        return facts.CodeInferred ? ClassText(language, "Inferred", text) : text;
    }

    // Postfix/Exim/DSN wrappers quote what another server answered while relaying. With an AUTH/TLS/EHLO phase
    // that is the user's own relay talking to its smarthost; otherwise it is the receiving side refusing the message.
    private static string? DescribeOrigin(ReplyFacts facts)
    {
        if (!facts.FromRemoteServer) return null;
        if (facts.Phase is "AUTH" or "STARTTLS" or "EHLO" || facts.ViaSubmissionRelay)
            return "quoted by your mail server: the relay it forwards through (smarthost) answered this";
        return "delivery bounce: the recipient's mail server refused the message after your server accepted it — not a submission error";
    }

    /// <summary>"2xx success", "3xx intermediate", "4xx transient failure" or "5xx permanent failure".</summary>
    public static string DescribeClass(int code, UiLanguage language = UiLanguage.English) => (code / 100) switch
    {
        2 => ClassText(language, "Success"),
        3 => ClassText(language, "Intermediate"),
        4 => ClassText(language, "Transient"),
        5 => ClassText(language, "Permanent"),
        _ => ClassText(language, "Unknown"),
    };

    // The English of these texts is what --json carries as "class"; a screen asks for its own language.
    private static string ClassText(UiLanguage language, string name, params object?[] args) => MessageCatalog.Format(language, "Explain.ReplyClass." + name, args);

    private static DiagnosisMatch? Score(CompiledEntry c, ReplyFacts facts, string text, string? phase, RecognizedProvider? provider, ProviderRecognizer recognizer)
    {
        var reasons = new List<MatchReason>(4);
        int score = 0;

        int best = 0;
        if (facts.CodeUnknown)
        {
            // Without a code only words can say what is wrong: entries that name the cause in text still apply.
            if (c.Pattern is null) return null;
            reasons.Add(new MatchReason("CodeNotShown"));
        }
        else
        {
            foreach (var cp in c.Codes) best = Math.Max(best, cp.Match(facts.Code, facts.CodeInferred));
            if (best == 0) return null;
            score += best switch { 3 => CodeExact, 2 => CodeTens, _ => CodeClass };
            reasons.Add(best == 3 ? new MatchReason("Code", Invariant(facts.Code)) : new MatchReason("CodeClass", Invariant(facts.Code / 100)));
        }

        // Entries keyed on an enhanced code say nothing about replies that carry none, unless their text matches
        // (a provider's 5.7.708 entry must not explain a bare "550 mailbox unavailable" from that provider).
        if (c.Enhanced is not null && facts.Enhanced is null && (c.Entry.IsGeneric || c.Pattern is null)) return null;
        if (c.Enhanced is not null && facts.Enhanced is { } enh)
        {
            if (!c.Enhanced.Matches(enh)) return null;
            score += c.Enhanced.IsExact ? EnhancedExactBonus : EnhancedWildcardBonus;
            reasons.Add(new MatchReason("Enhanced", enh.ToString(), c.Entry.Enhanced ?? string.Empty));
        }

        bool patternMatched = false;
        if (c.Pattern is not null)
        {
            if (DiagnosisRegex.SafeMatch(c.Pattern, text) is not { } m) return null;
            patternMatched = true;
            score += PatternBonus;
            reasons.Add(new MatchReason("Text", Shorten(m.Value, 60)));
        }

        if (!c.Entry.IsGeneric)
        {
            if (provider is not null)
            {
                string? family = c.Entry.Providers.FirstOrDefault(p => recognizer.IsInFamily(provider.Id, p));
                if (family is not null)
                {
                    score += ProviderBonus;
                    reasons.Add(MatchReason.Naming(provider, 0, "Provider", provider.Name));
                }
                else if (patternMatched && !c.Entry.SharedText)
                {
                    score += OtherProviderPenalty;
                    reasons.Add(MatchReason.Naming(provider, 1, "TypicalOfButLooksLike", string.Join('/', c.Entry.Providers), provider.Name));
                }
                else return null;
            }
            else if (patternMatched && !c.Entry.SharedText)
            {
                score += UnrecognisedProviderPatternBonus;
                reasons.Add(new MatchReason("TypicalOf", string.Join('/', c.Entry.Providers)));
            }
            else return null;
        }

        if (c.Entry.Phase is not null && phase is not null)
        {
            if (string.Equals(c.Entry.Phase, phase, StringComparison.OrdinalIgnoreCase))
            {
                score += PhaseBonus;
                reasons.Add(new MatchReason("Answers", phase));
            }
            else
            {
                score -= PhaseBonus;
                reasons.Add(new MatchReason("AboutButAnswers", c.Entry.Phase.ToUpperInvariant(), phase));
            }
        }

        return new DiagnosisMatch(c.Entry, score, reasons);
    }

    private static string? BuildHint(DiagnosisMatch? best, RecognizedProvider? provider, ReplyFacts facts)
    {
        // The hint is shown under the reply: in the engine's language, from the entry's translation when it has one.
        var language = CoreMessages.Language;
        var translated = best is null || language == UiLanguage.English ? null : KnowledgeTranslations.Find(best.Entry.Id, language);
        string core = best is null
            ? DescribeClass(facts, null, language)
            : translated is not null ? (string.IsNullOrWhiteSpace(translated.Hint) ? translated.Title : translated.Hint!)
            : string.IsNullOrWhiteSpace(best.Entry.Hint) ? best.Entry.Title : best.Entry.Hint!;
        // No pointer to a front end's key here: the TUI adds its own, replay output and logs need none.
        if (provider is null) return Shorten(core, MaxHintLength);
        string name = provider.NameIn(language);
        int room = MaxHintLength - DiagnosisMessages.ProviderHint(name, string.Empty).Length;
        return DiagnosisMessages.ProviderHint(name, Shorten(core, Math.Max(room, 20)));
    }

    private static string BuildSummary(ReplyFacts facts, RecognizedProvider? provider, DiagnosisMatch? best, EnhancedStatusMeaning? enhanced, string? origin)
    {
        var sb = new System.Text.StringBuilder();
        if (origin is not null) sb.Append('[').Append(origin).Append("] ");
        sb.Append(facts.CodeDisplay);
        if (facts.Enhanced is { } e)
        {
            sb.Append(' ').Append(e.ToString());
            if (enhanced is not null) sb.Append(" (").Append(enhanced.Title).Append(')');
        }
        sb.Append(": ").Append(DescribeClass(facts, best)).Append('.');
        if (best is not null)
        {
            sb.Append(' ');
            // Provider-specific titles already name the provider.
            if (provider is not null && best.Entry.IsGeneric) sb.Append(provider.Name).Append(": ");
            sb.Append(best.Entry.Title).Append(". ").Append(FirstSentence(best.Entry.Cause));
        }
        return sb.ToString();
    }

    private static string FirstSentence(string text)
    {
        // A sentence ends at ". " followed by a capital letter, so "e.g. the" does not cut it short.
        for (int i = text.IndexOf(". ", StringComparison.Ordinal); i >= 0; i = text.IndexOf(". ", i + 2, StringComparison.Ordinal))
            if (i + 2 < text.Length && char.IsUpper(text[i + 2])) return text[..(i + 1)];
        return text;
    }

    internal static string Shorten(string s, int max) => s.Length <= max ? s : s[..Math.Max(0, max - 1)].TrimEnd() + "…";
    private static string Invariant(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
