namespace SmtpConsole.Core.Diagnosis;

/// <summary>A provider recognised for a reply, and why.</summary>
/// <param name="Provider">The provider.</param>
/// <param name="Evidence">What it was recognised from.</param>
/// <param name="Detail">The matched value (host name, greeting, text or entry id).</param>
public sealed record RecognizedProvider(ProviderDefinition Provider, ProviderEvidence Evidence, string Detail)
{
    /// <summary>Provider id.</summary>
    public string Id => Provider.Id;

    /// <summary>Provider display name (English, as JSON carries it).</summary>
    public string Name => Provider.Name;

    /// <summary>The name as a reader of <paramref name="language"/> knows it (the English name where none is translated).</summary>
    public string NameIn(Messages.UiLanguage language) => KnowledgeTranslations.ProviderName(Id, language) ?? Name;

    /// <summary>Human-readable reason in <paramref name="language"/>, e.g. <c>host smtp.gmail.com</c>.</summary>
    public string Describe(Messages.UiLanguage language = Messages.UiLanguage.English) => new MatchReason(Evidence switch
    {
        ProviderEvidence.Hint => "Evidence.Hint",
        ProviderEvidence.Host => "Evidence.Host",
        ProviderEvidence.Greeting => "Evidence.Greeting",
        ProviderEvidence.ReplyText => "Evidence.ReplyText",
        _ => "Evidence.Entry",
    }, Detail).In(language);
}
