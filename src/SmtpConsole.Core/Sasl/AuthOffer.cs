using SmtpConsole.Core.Protocol;

namespace SmtpConsole.Core.Sasl;

/// <summary>
/// What the session and the last EHLO say about AUTH, checked before any secret is asked for: already logged in,
/// inside a mail transaction, no EHLO yet on this connection, AUTH not offered at all, or the chosen mechanism not
/// offered. Null when there is nothing to say.
/// </summary>
public static class AuthOffer
{
    /// <summary>Every check, the session's own first (each is a sure 503 on any server), then what EHLO offered.</summary>
    public static string? Problem(EhloCapabilities capabilities, string mechanism, bool tls, string? authenticatedUser, SessionPhase phase)
    {
        if (authenticatedUser is not null) return Messages.SaslMessages.AlreadyAuthenticated(authenticatedUser);
        if (phase is SessionPhase.Mail or SessionPhase.Rcpt) return Messages.SaslMessages.AuthInsideTransaction;
        if (capabilities.IsEmpty && phase is SessionPhase.Greeted or SessionPhase.Tls or SessionPhase.Ehlo) return Messages.SaslMessages.NoEhloYet;
        return Problem(capabilities, mechanism, tls);
    }

    /// <summary>What the last EHLO said: AUTH not offered at all, or not this mechanism (null when no EHLO was seen).</summary>
    public static string? Problem(EhloCapabilities capabilities, string mechanism, bool tls)
    {
        if (capabilities.IsEmpty) return null;
        mechanism = mechanism.ToUpperInvariant();
        if (!capabilities.Auth)
        {
            if (tls) return Messages.SaslMessages.AuthNotAdvertisedAtAllWillFail;
            return capabilities.StartTls ? Messages.SaslMessages.AuthNotAdvertisedOffersStartTls : Messages.SaslMessages.AuthNotAdvertisedWillFail;
        }
        return capabilities.AuthMechanisms.Contains(mechanism)
            ? null
            : Messages.SaslMessages.MechanismNotAdvertised(mechanism, string.Join(' ', capabilities.AuthMechanisms));
    }
}
