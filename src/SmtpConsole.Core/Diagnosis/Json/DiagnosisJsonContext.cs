using System.Text.Json.Serialization;

namespace SmtpConsole.Core.Diagnosis.Json;

/// <summary>Source-generated (AOT-safe) serializer metadata for the diagnosis data files.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(StatusRegistryDocument))]
[JsonSerializable(typeof(ProvidersDocument))]
[JsonSerializable(typeof(KnowledgeBaseDocument))]
internal sealed partial class DiagnosisJsonContext : JsonSerializerContext;
