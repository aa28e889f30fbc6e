namespace SmtpConsole.Core.Sasl;

/// <summary>One <c>/auth</c> invocation: the mechanism, the user and the secret (password, token or API key).</summary>
public sealed record AuthRequest(string Mechanism, string User, string Secret)
{
    public InitialResponseMode InitialResponse { get; init; } = InitialResponseMode.Auto;

    /// <summary>Send credentials without TLS. Off unless the user confirmed or passed --allow-plaintext-auth.</summary>
    public bool AllowPlaintext { get; init; }

    /// <summary>The caller already checked and explained what the server offers (<see cref="AuthOffer"/>): don't repeat it.</summary>
    public bool OfferChecked { get; init; }

    /// <summary>The mechanisms this console can drive.</summary>
    public static IReadOnlyList<string> SupportedMechanisms { get; } =
        ["LOGIN", "PLAIN", "CRAM-MD5", "DIGEST-MD5", "SCRAM-SHA-1", "SCRAM-SHA-256", "SCRAM-SHA-512", "NTLM", "XOAUTH2", "OAUTHBEARER"];
}
