using System.Text;

namespace SmtpConsole.Core.Sasl;

/// <summary>
/// The comma-separated <c>name=value</c> / <c>name="quoted value"</c> lists of DIGEST-MD5 (RFC 2831 §7.1),
/// both the server's challenge and the client's response. Lenient: a damaged list yields what could be read.
/// </summary>
public static class DigestDirectives
{
    public static IReadOnlyList<KeyValuePair<string, string>> Parse(string text)
    {
        var result = new List<KeyValuePair<string, string>>();
        int i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && (text[i] == ',' || char.IsWhiteSpace(text[i]))) i++;
            int nameStart = i;
            while (i < text.Length && text[i] != '=' && text[i] != ',') i++;
            string name = text[nameStart..i].Trim();
            if (i >= text.Length || text[i] != '=')
            {
                if (name.Length > 0) result.Add(new(name.ToLowerInvariant(), string.Empty));
                continue;
            }
            i++;
            var value = new StringBuilder();
            if (i < text.Length && text[i] == '"')
            {
                i++;
                while (i < text.Length && text[i] != '"')
                {
                    if (text[i] == '\\' && i + 1 < text.Length) i++;
                    value.Append(text[i++]);
                }
                i++;
            }
            else
            {
                while (i < text.Length && text[i] != ',') value.Append(text[i++]);
            }
            result.Add(new(name.ToLowerInvariant(), value.ToString().Trim()));
        }
        return result;
    }

    /// <summary>The first value of a directive, or null.</summary>
    public static string? Get(IReadOnlyList<KeyValuePair<string, string>> directives, string name) =>
        directives.FirstOrDefault(d => d.Key == name).Value;

    /// <summary>A quoted-string with '\' and '"' escaped.</summary>
    public static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
