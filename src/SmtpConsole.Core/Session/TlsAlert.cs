using System.Text.RegularExpressions;

namespace SmtpConsole.Core.Session;

/// <summary>
/// A TLS alert the server sent to end the handshake (RFC 8446 §6), recognised in the platform's error text: OpenSSL
/// (Linux) says "tlsv1 alert internal error", Apple's Security framework "peer internal error" and SChannel names
/// some as "…received an alert…". Knowing the alert tells "the server is broken" (80) apart from "we disagree on
/// versions" (70), so the advice can be right, and never to weaken TLS when that would not help.
/// </summary>
public sealed partial record TlsAlert(int Number, string Name)
{
    private static readonly (int Number, string Name, string Phrase)[] Known =
    [
        (10, "unexpected_message", "unexpected message"),
        (20, "bad_record_mac", "bad record mac"),
        (22, "record_overflow", "record overflow"),
        (40, "handshake_failure", "handshake failure"),
        (42, "bad_certificate", "bad certificate"),
        (43, "unsupported_certificate", "unsupported certificate"),
        (44, "certificate_revoked", "certificate revoked"),
        (45, "certificate_expired", "certificate expired"),
        (46, "certificate_unknown", "certificate unknown"),
        (47, "illegal_parameter", "illegal parameter"),
        (48, "unknown_ca", "unknown ca"),
        (49, "access_denied", "access denied"),
        (50, "decode_error", "decode error"),
        (51, "decrypt_error", "decrypt error"),
        (70, "protocol_version", "protocol version"),
        (71, "insufficient_security", "insufficient security"),
        (80, "internal_error", "internal error"),
        (86, "inappropriate_fallback", "inappropriate fallback"),
        (90, "user_canceled", "user canceled"),
        (109, "missing_extension", "missing extension"),
        (110, "unsupported_extension", "unsupported extension"),
        (112, "unrecognized_name", "unrecognized name"),
        (115, "unknown_psk_identity", "unknown psk identity"),
        (116, "certificate_required", "certificate required"),
        (120, "no_application_protocol", "no application protocol"),
    ];

    // OpenSSL: "sslv3 alert handshake failure", "tlsv1 alert internal error", "tlsv13 alert certificate required";
    // also "SSL alert number 80". Apple: "peer internal error" (errSSLPeerInternalError).
    [GeneratedRegex(@"(?:ssl|tls)v[0-9]+ alert ([a-z ]+?)(?:\s*[:(]|$)|alert number ([0-9]+)|\bpeer ([a-z ]+?)(?:\s*[:(.]|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AlertPattern();

    /// <summary>The alert named anywhere in the exception chain, or null when the platform did not say.</summary>
    public static TlsAlert? FromException(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (Parse(e.Message) is { } alert) return alert;
        }
        return null;
    }

    /// <summary>The alert named in one error message, or null.</summary>
    public static TlsAlert? Parse(string message)
    {
        foreach (Match match in AlertPattern().Matches(message))
        {
            if (match.Groups[2].Success && int.TryParse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture, out int number))
            {
                var byNumber = Known.FirstOrDefault(k => k.Number == number);
                return new TlsAlert(number, byNumber.Name ?? "unknown");
            }
            string phrase = (match.Groups[1].Success ? match.Groups[1].Value : match.Groups[3].Value).Trim().ToLowerInvariant();
            var known = Known.FirstOrDefault(k => k.Phrase == phrase);
            if (known.Name is not null) return new TlsAlert(known.Number, known.Name);
        }
        return null;
    }

    /// <summary>What the alert means for the user, in one clause; no advice to weaken TLS unless versions disagree.</summary>
    public string Meaning => Number switch
    {
        80 => Messages.TlsMessages.AlertInternalError,
        70 or 71 => Messages.TlsMessages.AlertProtocolVersion,
        40 => Messages.TlsMessages.AlertHandshakeFailure,
        112 => Messages.TlsMessages.AlertUnrecognizedName,
        116 or 42 or 43 or 46 => Messages.TlsMessages.AlertClientCertificate,
        48 => Messages.TlsMessages.AlertUnknownCa,
        49 => Messages.TlsMessages.AlertAccessDenied,
        _ => Messages.TlsMessages.AlertOther,
    };

    /// <summary>What the user can do: only a version disagreement (70, 71) is worth allowing older TLS versions for, to diagnose.</summary>
    public Messages.Remedy Remedy => Number is 70 or 71 ? Messages.Remedy.AllowOlderTls : Messages.Remedy.None;

    /// <summary>"alert 80 (internal_error)".</summary>
    public override string ToString() => $"alert {Number} ({Name})";
}
