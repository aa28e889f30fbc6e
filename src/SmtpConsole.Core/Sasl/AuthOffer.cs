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
            if (tls) return "the server did not advertise AUTH at all; the attempt will probably be refused";
            return capabilities.StartTls
                ? "the server did not advertise AUTH on this plain connection; it offers STARTTLS, and AUTH usually appears after /starttls and a new EHLO"
                : "the server did not advertise AUTH; the attempt will probably be refused";
        }
        return capabilities.AuthMechanisms.Contains(mechanism)
            ? null
            : $"the server did not advertise {mechanism} (it offers {string.Join(' ', capabilities.AuthMechanisms)})";
    }
}
