namespace SmtpConsole.Core.Messages;

/// <summary>
/// The TLS lines of a session (handshake, result, certificate verdicts and the problems found in a certificate),
/// worded in <see cref="CoreMessages.Language"/>. Texts: <c>Tls.*</c> keys of the catalogue.
/// </summary>
public static class TlsMessages
{
    public static string Handshake(string serverName) => Say(nameof(Handshake), serverName);

    public static string InsecureWarning => Say(nameof(InsecureWarning));

    public static string ClosedAfterFailure => Say(nameof(ClosedAfterFailure));

    public static string HandshakeCancelled => Say(nameof(HandshakeCancelled));

    public static string Established(string protocol, string cipher) => Say(nameof(Established), protocol, cipher);

    public static string ObsoleteVersion(string version) => Say(nameof(ObsoleteVersion), version);

    public static string ServerCertificate => Say(nameof(ServerCertificate));

    public static string CertificateSubject(string subject) => Say(nameof(CertificateSubject), subject);

    public static string CertificateIssuer(string issuer) => Say(nameof(CertificateIssuer), issuer);

    public static string CertificateNames(string names) => Say(nameof(CertificateNames), names);

    public static string CertificateNoAltNames => Say(nameof(CertificateNoAltNames));

    public static string CertificateValidity(string from, string to) => Say(nameof(CertificateValidity), from, to);

    public static string CertificateVerified(string basis) => Say(nameof(CertificateVerified), basis);

    public static string CertificateNotVerified(string basis, string problems) => Say(nameof(CertificateNotVerified), basis, problems);

    public static string BasisInsecureUnverified => Say(nameof(BasisInsecureUnverified));

    public static string BasisSystemStore => Say(nameof(BasisSystemStore));

    public static string BasisPracticePin => Say(nameof(BasisPracticePin));

    public static string BasisPinned => Say(nameof(BasisPinned));

    public static string BasisNone => Say(nameof(BasisNone));

    public static string CertificateRejected(string problems) => Say(nameof(CertificateRejected), problems);

    public static string HandshakeTimeout(string seconds) => Say(nameof(HandshakeTimeout), seconds);

    public static string HandshakeAlert(string alert, string meaning) => Say(nameof(HandshakeAlert), alert, meaning);

    public static string HandshakeFailed(string detail) => Say(nameof(HandshakeFailed), detail);

    public static string AlertInternalError => Say(nameof(AlertInternalError));

    public static string AlertProtocolVersion => Say(nameof(AlertProtocolVersion));

    public static string AlertHandshakeFailure => Say(nameof(AlertHandshakeFailure));

    public static string AlertUnrecognizedName => Say(nameof(AlertUnrecognizedName));

    public static string AlertClientCertificate => Say(nameof(AlertClientCertificate));

    public static string AlertUnknownCa => Say(nameof(AlertUnknownCa));

    public static string AlertAccessDenied => Say(nameof(AlertAccessDenied));

    public static string AlertOther => Say(nameof(AlertOther));

    public static string NoCertificate => Say(nameof(NoCertificate));

    public static string NotThePinnedCertificate => Say(nameof(NotThePinnedCertificate));

    public static string NameMismatch(string validFor, string host) => Say(nameof(NameMismatch), validFor, host);

    public static string ChainNotVerified => Say(nameof(ChainNotVerified));

    public static string Expired(string when) => Say(nameof(Expired), when);

    public static string NotYetValid(string when) => Say(nameof(NotYetValid), when);

    public static string UntrustedChain(string root) => Say(nameof(UntrustedChain), root);

    public static string IncompleteChain => Say(nameof(IncompleteChain));

    public static string BadSignature => Say(nameof(BadSignature));

    public static string Revoked => Say(nameof(Revoked));

    public static string NotForServerAuthentication => Say(nameof(NotForServerAuthentication));

    public static string RevocationUnknown => Say(nameof(RevocationUnknown));

    public static string BasisCaFile(string file) => Say(nameof(BasisCaFile), file);

    public static string CaFileNotFound(string file) => Say(nameof(CaFileNotFound), file);

    public static string CaFileNotPem(string file, string detail) => Say(nameof(CaFileNotPem), file, detail);

    public static string CaFileEmpty(string file) => Say(nameof(CaFileEmpty), file);

    private static string Say(string name, params object?[] args) => MessageCatalog.Format(CoreMessages.Language, "Tls." + name, args);
}
