namespace SmtpConsole.Core.Diagnosis.Json;

/// <summary>Root of <c>enhanced-status-codes.json</c>.</summary>
internal sealed class StatusRegistryDocument
{
    public string? Source { get; init; }

    public List<StatusCategoryDto> Classes { get; init; } = [];

    public List<StatusCategoryDto> Subjects { get; init; } = [];

    public List<EnhancedStatusMeaning> Codes { get; init; } = [];

    public List<ReplyCodeMeaning> ReplyCodes { get; init; } = [];
}
