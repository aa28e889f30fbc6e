namespace SmtpConsole.Core.Session;

/// <summary>Why a certificate was accepted (or what it was judged against when it was not).</summary>
public enum TlsTrustBasis
{
    /// <summary>Nothing: no certificate to judge.</summary>
    None,

    /// <summary>The system's trusted roots.</summary>
    SystemStore,

    /// <summary>The CA file the user gave.</summary>
    CaFile,

    /// <summary>A pinned certificate, compared by fingerprint.</summary>
    Pinned,

    /// <summary>The built-in practice server's own certificate, pinned by its fingerprint.</summary>
    PracticePin,

    /// <summary>Verification was switched off on request: accepted although it was not verified.</summary>
    Insecure,
}
