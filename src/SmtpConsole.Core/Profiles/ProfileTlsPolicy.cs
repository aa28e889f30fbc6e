namespace SmtpConsole.Core.Profiles;

/// <summary>How the server certificate and TLS handshake are checked for a profile.</summary>
/// <param name="CaFile">
/// PEM file with extra trusted CA certificates (e.g. a test CA). A relative path is relative to the
/// current directory, so a profile can point at <c>tests/servers/.run/tls/ca.pem</c> in a checkout.
/// </param>
/// <param name="Insecure">Accept any certificate. Only for diagnosing; the session should say so loudly.</param>
/// <param name="MinVersion">Lowest TLS version to offer (1.0 to 1.3), or <see langword="null"/> for the system default.</param>
/// <param name="ServerName">Name to send in SNI and to match in the certificate when it differs from the host.</param>
public sealed record ProfileTlsPolicy(string? CaFile, bool Insecure, Version? MinVersion, string? ServerName)
{
    /// <summary>System trust store, certificate checked, system default versions.</summary>
    public static ProfileTlsPolicy Default { get; } = new(null, false, null, null);
}
