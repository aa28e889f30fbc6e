namespace SmtpConsole.Core.Profiles;

/// <summary>
/// Binding target for one merged profile section. Every value is bound as text and parsed afterwards so a
/// bad value becomes a diagnostic naming the file and line instead of a binder exception. Lists and the
/// <c>secret</c> object are not bound: they are taken whole from one layer (see <see cref="ProfileResolver"/>).
/// </summary>
internal sealed class ProfileSettings
{
    public string? Description { get; set; }

    public string? Provider { get; set; }

    public string? Builtin { get; set; }

    public string? Host { get; set; }

    public string? Port { get; set; }

    public string? Security { get; set; }

    public string? User { get; set; }

    public string? EhloName { get; set; }

    public string? FromMustEqualLogin { get; set; }

    public ProfileTlsSettings? Tls { get; set; }

    public ProfileTimeoutSettings? Timeouts { get; set; }

    public string? Proxy { get; set; }

    public string? Language { get; set; }

    public Dictionary<string, string>? Variables { get; set; }

    public string? Docs { get; set; }
}
