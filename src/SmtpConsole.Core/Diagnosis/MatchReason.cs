using SmtpConsole.Core.Messages;

namespace SmtpConsole.Core.Diagnosis;

/// <summary>
/// One reason a knowledge entry matched a reply ("code 535", "text typical of qq"), kept as a catalogue key and its
/// values so each output words it: explain's text in the reader's language, JSON always in English.
/// </summary>
/// <param name="Key">The catalogue key below <c>Match.</c>.</param>
/// <param name="Values">The placeholders' values (codes, quoted text, provider names), never translated.</param>
public sealed record MatchReason(string Key, params string[] Values)
{
    /// <summary>
    /// The recognised provider a value names (its English name stands at <see cref="ProviderValueIndex"/>), so the
    /// wording can use the name a reader of the language knows; JSON keeps the English.
    /// </summary>
    public string? ProviderId { get; init; }

    /// <summary>Which value is <see cref="ProviderId"/>'s name.</summary>
    public int ProviderValueIndex { get; init; }

    /// <summary>A reason whose value at <paramref name="index"/> is the name of <paramref name="provider"/>.</summary>
    public static MatchReason Naming(RecognizedProvider provider, int index, string key, params string[] values) =>
        new(key, values) { ProviderId = provider.Id, ProviderValueIndex = index };

    /// <summary>The reason worded in <paramref name="language"/>.</summary>
    public string In(UiLanguage language)
    {
        string[] values = Values;
        if (ProviderId is not null && ProviderValueIndex < values.Length && KnowledgeTranslations.ProviderName(ProviderId, language) is { } name)
        {
            values = (string[])values.Clone();
            values[ProviderValueIndex] = name;
        }
        return MessageCatalog.Format(language, "Match." + Key, values);
    }

    /// <summary>The English wording, as JSON and logs carry it.</summary>
    public override string ToString() => In(UiLanguage.English);
}
