using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using SmtpConsole.Core.Messages;
using SmtpConsole.Core.Protocol;

namespace SmtpConsole.Core.Session;

/// <summary>Human-readable facts about a certificate for the transcript.</summary>
public static class CertificateDescription
{
    public static IReadOnlyList<string> SubjectAlternativeNames(X509Certificate2 certificate)
    {
        var names = new List<string>();
        foreach (var extension in certificate.Extensions)
        {
            if (extension is X509SubjectAlternativeNameExtension san)
            {
                names.AddRange(san.EnumerateDnsNames().Select(n => "DNS:" + ServerText.Neutralize(n)));
                names.AddRange(san.EnumerateIPAddresses().Select(a => "IP:" + a));
            }
        }
        return names;
    }

    /// <summary>Subject, issuer, SANs and validity on separate lines.</summary>
    public static IEnumerable<string> Describe(X509Certificate2 certificate)
    {
        // The server chose these names: they may carry terminal escapes or bidi overrides like any reply text.
        yield return TlsMessages.CertificateSubject(ServerText.Neutralize(certificate.Subject));
        yield return TlsMessages.CertificateIssuer(ServerText.Neutralize(certificate.Issuer));
        var sans = SubjectAlternativeNames(certificate);
        yield return TlsMessages.CertificateNames(sans.Count > 0 ? string.Join(", ", sans) : TlsMessages.CertificateNoAltNames);
        yield return TlsMessages.CertificateValidity(
            certificate.NotBefore.ToUniversalTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            certificate.NotAfter.ToUniversalTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        yield return $"sha256: {certificate.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256).ToLowerInvariant()}";
    }
}
