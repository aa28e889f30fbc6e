namespace SmtpConsole.Core.Sasl;

/// <summary>Reads what an AUTH LOGIN 334 prompt asks for, from its decoded text rather than its position.</summary>
public static class LoginPrompt
{
    public enum Kind
    {
        Unknown,
        UserName,
        Password,
    }

    public static Kind Classify(string? decoded)
    {
        if (string.IsNullOrWhiteSpace(decoded)) return Kind.Unknown;
        string text = decoded.Trim().ToLowerInvariant();
        if (text.Contains("pass") || text.Contains("密码") || text.Contains("kennwort") || text.Contains("mot de passe")) return Kind.Password;
        if (text.Contains("user") || text.Contains("login") || text.Contains("name") || text.Contains("用户") || text.Contains("benutzer")) return Kind.UserName;
        return Kind.Unknown;
    }
}
