using System.Text;
using System.Text.RegularExpressions;

namespace SmtpConsole.Core.Tests.Diagnosis;

/// <summary>
/// The corpus quotes logs people posted in public — the very way the password in this project's founding story leaked.
/// A quoted AUTH line keeps its command but never the Base64 credentials after it.
/// </summary>
public sealed partial class CorpusHoldsNoCredentialsTests
{
    [Fact]
    public void No_AUTH_line_in_the_corpus_carries_decodable_credentials()
    {
        var leaks = new List<string>();
        foreach (var (line, number) in File.ReadLines(ReplyCorpus.CorpusPath()).Select((l, i) => (l, i + 1)))
        {
            foreach (Match m in AuthArgument().Matches(line))
            {
                if (Decodes(m.Groups["b64"].Value) is { } text && (text.Contains('\0') || text.Contains('@')))
                    leaks.Add($"line {number}: {line}");
            }
        }
        Assert.True(leaks.Count == 0, "credentials in the corpus:\n" + string.Join('\n', leaks));
    }

    private static string? Decodes(string base64)
    {
        var bytes = new byte[base64.Length];
        return Convert.TryFromBase64String(base64, bytes, out int written) ? Encoding.UTF8.GetString(bytes, 0, written) : null;
    }

    [GeneratedRegex(@"AUTH\s+(?:PLAIN|LOGIN|XOAUTH2)\s+(?<b64>[A-Za-z0-9+/]{8,}={0,2})", RegexOptions.IgnoreCase)]
    private static partial Regex AuthArgument();
}
