namespace SmtpConsole.Core.Diagnosis;

/// <summary>What a provider was recognised from, strongest first.</summary>
public enum ProviderEvidence
{
    /// <summary>The user's profile named the provider.</summary>
    Hint,

    /// <summary>The server host name matched.</summary>
    Host,

    /// <summary>The 220 greeting matched.</summary>
    Greeting,

    /// <summary>A provider signature in the reply text matched (e.g. <c>gsmtp</c>).</summary>
    ReplyText,

    /// <summary>Only a provider-specific knowledge entry's pattern matched the reply.</summary>
    KnowledgeEntry,
}
