namespace SmtpConsole.Core.Diagnosis.Json;

/// <summary>Root of <c>providers.json</c>.</summary>
internal sealed class ProvidersDocument
{
    public List<ProviderDefinition> Providers { get; init; } = [];
}
