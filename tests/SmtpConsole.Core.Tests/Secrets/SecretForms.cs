using System.Security.Cryptography;
using System.Text;
using SmtpConsole.Core.Tests.Support;
using SmtpConsole.Core.Transcript;

namespace SmtpConsole.Core.Tests.Secrets;

/// <summary>Every form a secret can take on the wire, and the grep that none of them reached an artefact.</summary>
public static class SecretForms
{
    /// <summary>The password, the token and everything computed from them that a transcript could leak.</summary>
    public static List<string> Of(string user, string password, string token, SaslCapture? capture = null)
    {
        string cramDigest = Convert.ToHexString(HMACMD5.HashData(Encoding.UTF8.GetBytes(password), "<1896.697170952@sasl.test>"u8)).ToLowerInvariant();
        var forms = new List<string>
        {
            password,
            SaslServers.Encode(password),
            SaslServers.Encode($"\0{user}\0{password}"),
            SaslServers.Encode($"{user}\0{user}\0{password}"),
            SaslServers.Encode($"user={user}\u0001auth=Bearer {token}\u0001\u0001"),
            token,
            SaslServers.Encode(token),
            cramDigest,
            SaslServers.Encode($"{user} {cramDigest}"),
        };
        if (capture is not null) forms.AddRange(capture.SecretForms);
        return forms.Where(f => f.Length >= 6).Distinct().ToList();
    }

    /// <summary>What a recording sink shows: the text and JSON renderings of every event (never the in-memory reveal copy).</summary>
    public static (string What, string? Text)[] Rendered(RecordingSink sink) =>
    [
        ("recording sink (text)", sink.Dump()),
        ("recording sink (JSON)", string.Join('\n', sink.Events.Select(e => TranscriptJsonFormat.ToJson(e)))),
        ("recording sink (notes)", string.Join('\n', sink.Events.Select(e => e.Note ?? string.Empty))),
    ];

    public static void AssertAbsent(IEnumerable<string> forms, params (string What, string? Text)[] artefacts)
    {
        foreach (var form in forms)
        {
            foreach (var (what, text) in artefacts)
            {
                if (text is null) continue;
                int at = text.IndexOf(form, StringComparison.Ordinal);
                Assert.True(at < 0, $"{what} leaks the secret form \"{form}\": …{text[Math.Max(0, at - 60)..Math.Min(text.Length, at + form.Length + 20)]}…");
            }
        }
    }
}
