using System.Text.Json.Serialization;

namespace SmtpConsole.Core.Diagnosis.Json;

/// <summary>JSON shape of a class or subject record; the file names the number "class" or "subject".</summary>
internal sealed class StatusCategoryDto
{
    [JsonPropertyName("class")]
    public int? Class { get; init; }

    [JsonPropertyName("subject")]
    public int? Subject { get; init; }

    public string Title { get; init; } = "";

    public string Description { get; init; } = "";

    public string Rfc { get; init; } = "";
}
