using SmtpConsole.Core.Protocol;

namespace SmtpConsole.Core.Sasl;

/// <summary>
/// What the last EHLO said about AUTH, checked before any secret is asked for: whether AUTH is offered at all, and
/// whether the chosen mechanism is. Null when there is nothing to say (offered, or no EHLO seen yet).
/// </summary>
public static class AuthOffer
{
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
