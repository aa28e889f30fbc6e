namespace SmtpConsole.Core.Diagnosis.Json;

/// <summary>Root of <c>knowledge-base.json</c>.</summary>
internal sealed class KnowledgeBaseDocument
{
    public List<KnowledgeEntry> Entries { get; init; } = [];
}
