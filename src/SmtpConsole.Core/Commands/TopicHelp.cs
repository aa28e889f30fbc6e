using SmtpConsole.Core.Messages;

namespace SmtpConsole.Core.Commands;

/// <summary>
/// <c>/help</c> for a single helper (<c>/help connect</c>, <c>/help /mx</c>) or SMTP verb (<c>/help RCPT</c>):
/// its synopsis, what it does on the wire, and the replies to expect. Null when the word is neither.
/// </summary>
public static class TopicHelp
{
    // How many catalogue lines (Help.Verb.VERB.1…) each verb has.
    private static readonly Dictionary<string, int> Verbs = new(StringComparer.OrdinalIgnoreCase)
    {
        ["EHLO"] = 2, ["HELO"] = 1, ["MAIL"] = 2, ["RCPT"] = 2, ["DATA"] = 2, ["BDAT"] = 1, ["RSET"] = 1,
        ["NOOP"] = 1, ["QUIT"] = 1, ["VRFY"] = 1, ["EXPN"] = 1, ["AUTH"] = 2, ["STARTTLS"] = 1, ["HELP"] = 1,
    };

    // Helpers whose topic says more than the synopsis (Help.Extra.NAME).
    private static readonly HashSet<string> Extras = new(StringComparer.Ordinal) { "/connect", "/ehlo", "/quit", "/mx" };

    /// <summary>The topic in the language the engine currently speaks.</summary>
    public static IReadOnlyList<string>? Lines(string topic) => Lines(topic, CoreMessages.Language);

    public static IReadOnlyList<string>? Lines(string topic, UiLanguage language)
    {
        string word = topic.Trim();
        if (Verbs.TryGetValue(word, out int count))
        {
            string verb = word.ToUpperInvariant();
            return [.. Enumerable.Range(1, count).Select(i => MessageCatalog.Get($"Help.Verb.{verb}.{i}", language))];
        }
        string name = word.StartsWith('/') ? word : "/" + word;
        foreach (var (helper, _) in CommandLineParser.Helpers)
        {
            if (!helper.Equals(name, StringComparison.OrdinalIgnoreCase)) continue;
            string synopsis = CommandLineParser.Synopsis(helper, language);
            return Extras.Contains(helper) ? [synopsis, MessageCatalog.Get("Help.Extra." + helper[1..], language)] : [synopsis];
        }
        return name.ToLowerInvariant() switch
        {
            "/helo" => [MessageCatalog.Get("Help.Synopsis.helo", language)],
            "/noop" or "/vrfy" or "/expn" => [CommandLineParser.Synopsis("/rset", language)],
            "/end" => [MessageCatalog.Get("Help.Synopsis.end", language)],
            _ => null,
        };
    }
}
