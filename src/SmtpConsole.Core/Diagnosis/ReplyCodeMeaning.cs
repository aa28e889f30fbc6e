namespace SmtpConsole.Core.Diagnosis;

/// <summary>Standard meaning of a basic three-digit reply code (RFC 5321 and extensions).</summary>
public sealed class ReplyCodeMeaning
{
    /// <summary>The reply code.</summary>
    public int Code { get; init; }

    /// <summary>Standard meaning.</summary>
    public string Title { get; init; } = "";

    /// <summary>Defining document(s).</summary>
    public string Rfc { get; init; } = "";
}
