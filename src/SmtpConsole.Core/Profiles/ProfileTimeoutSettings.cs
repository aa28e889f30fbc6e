namespace SmtpConsole.Core.Profiles;

/// <summary>Binding target for a profile's <c>timeouts</c> object (all text, parsed later).</summary>
internal sealed class ProfileTimeoutSettings
{
    public string? ConnectSeconds { get; set; }

    public string? CommandSeconds { get; set; }
}
