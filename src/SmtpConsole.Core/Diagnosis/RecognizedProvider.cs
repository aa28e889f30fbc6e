namespace SmtpConsole.Core.Diagnosis;

/// <summary>A provider recognised for a reply, and why.</summary>
/// <param name="Provider">The provider.</param>
/// <param name="Evidence">What it was recognised from.</param>
/// <param name="Detail">The matched value (host name, greeting, text or entry id).</param>
public sealed record RecognizedProvider(ProviderDefinition Provider, ProviderEvidence Evidence, string Detail)
{
    /// <summary>Provider id.</summary>
    public string Id => Provider.Id;

    /// <summary>Provider display name.</summary>
    public string Name => Provider.Name;

    /// <summary>Human-readable reason, e.g. <c>host smtp.gmail.com</c>.</summary>
    public string Describe() => Evidence switch
    {
        ProviderEvidence.Hint => $"profile provider '{Detail}'",
        ProviderEvidence.Host => $"host {Detail}",
        ProviderEvidence.Greeting => $"greeting \"{Detail}\"",
        ProviderEvidence.ReplyText => $"reply text \"{Detail}\"",
        _ => $"reply matched knowledge entry {Detail}",
    };
}
