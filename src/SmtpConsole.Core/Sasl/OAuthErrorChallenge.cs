using SmtpConsole.Core.Messages;
using System.Text.Json;

namespace SmtpConsole.Core.Sasl;

/// <summary>
/// The JSON a server sends in a 334 when it refuses an XOAUTH2/OAUTHBEARER token (RFC 7628 §3.2.2; Google's
/// XOAUTH2 uses the same fields): status, scope and schemes, explained in words.
/// </summary>
public static class OAuthErrorChallenge
{
    /// <summary>An explanation of the decoded challenge, or null when it is not an OAuth error object.</summary>
    public static string? Explain(string? decoded)
    {
        if (string.IsNullOrWhiteSpace(decoded) || !decoded.TrimStart().StartsWith('{')) return null;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(decoded);
        }
        catch (JsonException)
        {
            return null;
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object) return null;
            string? status = Text(document.RootElement, "status");
            string? scope = Text(document.RootElement, "scope");
            string? schemes = Text(document.RootElement, "schemes");
            string? configuration = Text(document.RootElement, "openid-configuration");
            if (status is null && scope is null && schemes is null) return null;
            var parts = new List<string>();
            if (status is not null) parts.Add(SaslNoteMessages.OAuthStatus(status, StatusMeaning(status)));
            if (scope is not null) parts.Add(SaslNoteMessages.OAuthScope(scope));
            if (schemes is not null) parts.Add(SaslNoteMessages.OAuthSchemes(schemes));
            if (configuration is not null) parts.Add(SaslNoteMessages.OAuthDiscovery(configuration));
            return SaslNoteMessages.OAuthError(string.Join(SaslNoteMessages.PartSeparator, parts));
        }
    }

    private static string StatusMeaning(string status) => status.ToLowerInvariant() switch
    {
        "400" or "invalid_request" => SaslNoteMessages.OAuthInvalidRequest,
        "401" or "invalid_token" => SaslNoteMessages.OAuthInvalidToken,
        "403" or "insufficient_scope" => SaslNoteMessages.OAuthInsufficientScope,
        _ => SaslNoteMessages.Refused,
    };

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;
}
