namespace SmtpConsole.Core.Messages;

/// <summary>
/// The TLS lines of a session (handshake, result, certificate verdicts and the problems found in a certificate),
/// worded in <see cref="CoreMessages.Language"/>. Texts: <c>Tls.*</c> keys of the catalogue.
/// </summary>
[MessageArea("Tls.")]
public static partial class TlsMessages
{
    /// <summary>A verdict's trust basis (kept in English in the verdict, which doctor reads) in words; flags stay as typed.</summary>
    internal static string TrustBasis(string basis) => basis switch
    {
        "system trust store" => BasisSystemStore,
        "pinned certificate of the built-in practice server" => BasisPracticePin,
        "pinned" => BasisPinned,
        "none" => BasisNone,
        "--insecure (certificate NOT verified)" => BasisInsecureUnverified,
        _ => basis,
    };
}
