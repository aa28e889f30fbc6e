namespace SmtpConsole.Core.Profiles;

/// <summary>Binding target for a profile's <c>tls</c> object (all text, parsed later).</summary>
internal sealed class ProfileTlsSettings
{
    public string? CaFile { get; set; }

    public string? Insecure { get; set; }

    public string? MinVersion { get; set; }

    public string? ServerName { get; set; }
}
