using System.Globalization;
using SmtpConsole.Core.Session;

namespace SmtpConsole.Core.Messages;

/// <summary>
/// Certificate problems and trust bases in words, in the language of whoever shows them: the session's transcript
/// (<see cref="CoreMessages.Language"/>), doctor's table (its own language) or JSON (English). Texts: <c>Tls.*</c> keys.
/// </summary>
public static class TlsProblemWording
{
    /// <summary>One problem in <paramref name="language"/>.</summary>
    public static string Describe(TlsProblem problem, UiLanguage language) => problem.Kind switch
    {
        TlsProblemKind.NoCertificate => Say(language, "NoCertificate"),
        TlsProblemKind.PinMismatch => Say(language, "NotThePinnedCertificate"),
        TlsProblemKind.NameMismatch => Say(language, "NameMismatch", problem.ValidFor, problem.Host),
        TlsProblemKind.Expired => Say(language, "Expired", Minute(problem.When)),
        TlsProblemKind.NotYetValid => Say(language, "NotYetValid", Minute(problem.When)),
        TlsProblemKind.UntrustedRoot => Say(language, "UntrustedChain", problem.RootSubject),
        TlsProblemKind.IncompleteChain => Say(language, "IncompleteChain"),
        TlsProblemKind.BadSignature => Say(language, "BadSignature"),
        TlsProblemKind.Revoked => Say(language, "Revoked"),
        TlsProblemKind.RevocationUnknown => Say(language, "RevocationUnknown"),
        TlsProblemKind.NotForServerAuthentication => Say(language, "NotForServerAuthentication"),
        TlsProblemKind.ChainNotVerified => Say(language, "ChainNotVerified"),
        _ => problem.Detail ?? problem.Kind.ToString(),
    };

    /// <summary>Every problem, in the order found, as one clause list.</summary>
    public static string Describe(IEnumerable<TlsProblem> problems, UiLanguage language) =>
        string.Join(language == UiLanguage.SimplifiedChinese ? "；" : "; ", problems.Select(p => Describe(p, language)));

    /// <summary>What a verdict trusted the certificate by, in words ("system trust store", "the CA file ca.pem"…).</summary>
    public static string TrustBasis(TlsVerdict verdict, UiLanguage language) => verdict.TrustBasis switch
    {
        TlsTrustBasis.SystemStore => Say(language, "BasisSystemStore"),
        TlsTrustBasis.CaFile => Say(language, "BasisCaFile", verdict.CaFile ?? "?"),
        TlsTrustBasis.Pinned => Say(language, "BasisPinned"),
        TlsTrustBasis.PracticePin => Say(language, "BasisPracticePin"),
        TlsTrustBasis.Insecure => Say(language, "BasisInsecureUnverified"),
        _ => Say(language, "BasisNone"),
    };

    private static string Minute(DateTime? when) =>
        when?.ToUniversalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "?";

    private static string Say(UiLanguage language, string name, params object?[] args) => MessageCatalog.Format(language, "Tls." + name, args);
}
