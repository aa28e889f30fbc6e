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
            if (status is not null) parts.Add($"status {status}: {StatusMeaning(status)}");
            if (scope is not null) parts.Add($"the token must be granted the scope \"{scope}\" (ask for it when obtaining the token)");
            if (schemes is not null) parts.Add($"the server accepts the token scheme(s) \"{schemes}\" (send it as \"auth=Bearer <token>\")");
            if (configuration is not null) parts.Add($"the OAuth provider's discovery document is {configuration}");
            return "OAuth error: " + string.Join("; ", parts);
        }
    }

    private static string StatusMeaning(string status) => status.ToLowerInvariant() switch
    {
        "400" or "invalid_request" => "the request was malformed (wrong user name format, or a token for another user)",
        "401" or "invalid_token" => "the token was refused: expired, revoked, or not an access token for this user; get a fresh access token",
        "403" or "insufficient_scope" => "the token is valid but lacks the permission (scope) to send mail",
        _ => "refused",
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
