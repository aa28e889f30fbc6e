namespace SmtpConsole.Core.Diagnosis;

/// <summary>One entry of the IANA enhanced status code registry, e.g. <c>X.7.8</c>.</summary>
public sealed class EnhancedStatusMeaning
{
    /// <summary>Registry key with the class as <c>X</c>, e.g. <c>X.7.8</c>.</summary>
    public string Code { get; init; } = "";

    /// <summary>Registry title, e.g. "Authentication credentials invalid".</summary>
    public string Title { get; init; } = "";

    /// <summary>Plain-language description.</summary>
    public string Description { get; init; } = "";

    /// <summary>Defining document, e.g. "RFC 4954".</summary>
    public string Rfc { get; init; } = "";
}
