using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace SmtpConsole.IntegrationTests.Infrastructure;

/// <summary>
/// What a TLS client would conclude about a server certificate when it trusts
/// only the test CA.
/// </summary>
public sealed record CertificateCheck
{
    /// <summary>The certificate the server presented.</summary>
    public required X509Certificate2 Certificate { get; init; }

    /// <summary>The SslStream's verdict against the system trust store (the test CA is not in it).</summary>
    public required SslPolicyErrors SystemPolicyErrors { get; init; }

    /// <summary>Chain problems when the test CA is the only trusted root (NoError when it chains and is in date).</summary>
    public required X509ChainStatusFlags ChainStatus { get; init; }

    /// <summary>Whether the certificate's names do not cover the host the client asked for.</summary>
    public bool NameMismatch => SystemPolicyErrors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch);

    /// <summary>Trusted by a client that uses the test CA and checks the host name.</summary>
    public bool IsTrusted => ChainStatus == X509ChainStatusFlags.NoError && !NameMismatch
        && !SystemPolicyErrors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable);
}
