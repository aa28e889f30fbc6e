namespace SmtpConsole.Core.Session;

/// <summary>What is wrong with a server certificate, as read from SslPolicyErrors and X509ChainStatusFlags.</summary>
public enum TlsProblemKind
{
    /// <summary>The server presented no certificate.</summary>
    NoCertificate,

    /// <summary>A pinned certificate was expected (the built-in practice server's) and another one came.</summary>
    PinMismatch,

    /// <summary>The certificate is for other names than the host connected to.</summary>
    NameMismatch,

    /// <summary>The certificate's validity ended.</summary>
    Expired,

    /// <summary>The certificate's validity has not begun (or the clock is wrong).</summary>
    NotYetValid,

    /// <summary>The chain ends at a root nobody here trusts (self-signed, private CA).</summary>
    UntrustedRoot,

    /// <summary>The chain could not be built up to any root (intermediates missing, or an unknown private CA).</summary>
    IncompleteChain,

    /// <summary>A signature in the chain does not verify.</summary>
    BadSignature,

    /// <summary>A certificate in the chain was revoked.</summary>
    Revoked,

    /// <summary>Whether a certificate was revoked could not be learned.</summary>
    RevocationUnknown,

    /// <summary>The certificate may not be used to authenticate a server.</summary>
    NotForServerAuthentication,

    /// <summary>The chain failed without a status saying why.</summary>
    ChainNotVerified,

    /// <summary>Any other chain status; <see cref="TlsProblem.Detail"/> holds the platform's flag and text.</summary>
    Other,
}
