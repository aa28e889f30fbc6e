using System.Security.Cryptography;
using System.Text;
using Connection = SmtpConsole.Testing.ScriptedSmtpServer.ServerConnection;

namespace SmtpConsole.Core.Tests.Secrets;

/// <summary>The server side of DIGEST-MD5 (RFC 2831, qop=auth): checks the client's response and answers with a real rspauth.</summary>
public static class DigestMd5Server
{
    private const string Realm = "sasl.test";
    private const string Nonce = "OA6MG9tEQGm2hh";

    public static async Task<string?> RunAsync(Connection c, string user, string password, SaslCapture capture)
    {
        string? line = await SaslServers.PromptAsync(c, $"realm=\"{Realm}\",nonce=\"{Nonce}\",qop=\"auth\",charset=utf-8,algorithm=md5-sess");
        if (line is null) return "no digest-response";
        capture.Secret(line);
        var fields = Parse(SaslServers.Decode(line));
        string Field(string name) => fields.GetValueOrDefault(name) ?? string.Empty;
        capture.Secret(Field("response"));
        if (Field("username") != user) return "wrong user: " + Field("username");
        if (Field("nonce") != Nonce) return "wrong nonce";

        byte[] userRealmPassword = MD5.HashData(Encoding.UTF8.GetBytes($"{user}:{Field("realm")}:{password}"));
        string tail = $":{Nonce}:{Field("cnonce")}" + (fields.TryGetValue("authzid", out var authzid) ? ":" + authzid : string.Empty);
        string ha1 = Hex(MD5.HashData([.. userRealmPassword, .. Encoding.UTF8.GetBytes(tail)]));
        string Kd(string a2) => Hex(MD5.HashData(Encoding.UTF8.GetBytes($"{ha1}:{Nonce}:{Field("nc")}:{Field("cnonce")}:{Field("qop")}:{Hex(MD5.HashData(Encoding.UTF8.GetBytes(a2)))}")));
        if (Kd("AUTHENTICATE:" + Field("digest-uri")) != Field("response")) return "wrong response digest";

        string? last = await SaslServers.PromptAsync(c, "rspauth=" + Kd(":" + Field("digest-uri")));
        return last == string.Empty ? null : $"expected an empty response after rspauth, got \"{last}\"";
    }

    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();

    /// <summary>key=value, comma-separated, values optionally quoted (quoted values may hold commas).</summary>
    private static Dictionary<string, string> Parse(string text)
    {
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        int i = 0;
        while (i < text.Length)
        {
            int eq = text.IndexOf('=', i);
            if (eq < 0) break;
            string key = text[i..eq].Trim();
            i = eq + 1;
            string value;
            if (i < text.Length && text[i] == '"')
            {
                int close = text.IndexOf('"', i + 1);
                value = text[(i + 1)..close];
                i = close + 1;
            }
            else
            {
                int comma = text.IndexOf(',', i);
                value = comma < 0 ? text[i..] : text[i..comma];
                i = comma < 0 ? text.Length : comma;
            }
            fields[key] = value;
            while (i < text.Length && text[i] is ',' or ' ') i++;
        }
        return fields;
    }
}
