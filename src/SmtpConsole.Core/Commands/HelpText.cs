using SmtpConsole.Core.Messages;

namespace SmtpConsole.Core.Commands;

/// <summary>
/// The text of <c>/help</c>, shared by the TUI's help screen. Explanations come from the message catalogue
/// (<c>Help.*</c> keys); command syntax (<c>/auth login USER</c>, <c>MAIL FROM:&lt;…&gt;</c>) is the same in every language.
/// </summary>
public static class HelpText
{
    /// <summary>The lines of <c>/help</c> or <c>/help TOPIC</c> in the language the engine currently speaks.</summary>
    public static IReadOnlyList<string> Lines(string? topic) => Lines(topic, CoreMessages.Language);

    /// <summary>The lines of <c>/help</c> or <c>/help TOPIC</c> in <paramref name="language"/>.</summary>
    public static IReadOnlyList<string> Lines(string? topic, UiLanguage language)
    {
        // Get, not Format: help texts contain braces (${NAME}) and no placeholders.
        string Say(string key) => MessageCatalog.Get(key, language);
        // A section answers with or without a slash (/help /compose); other topics keep it, so TopicHelp can tell the
        // helper (/quit) from the SMTP verb (QUIT).
        switch (topic?.ToLowerInvariant().TrimStart('/'))
        {
            case null or "" or "helpers":
                return
                [
                    MessageCatalog.Get("Core.HelpIntro", language),
                    .. CommandLineParser.Helpers.Select(h => "  " + CommandLineParser.Synopsis(h.Name, language)),
                    MessageCatalog.Get("Core.HelpMore", language),
                ];
            case "auth":
                return [Say("Help.Auth.1"), Say("Help.Auth.2"), Say("Help.Auth.3"), Say("Help.Auth.4")];
            case "data":
                return [Say("Help.Data.1"), Say("Help.Data.2"), Say("Help.Data.3")];
            case "expect":
                return [Say("Help.Expect.1"), Say("Help.Expect.2")];
            case "tls" or "starttls":
                return [Say("Help.Tls.1"), Say("Help.Tls.2"), Say("Help.Tls.3")];
            case "scripts" or "replay":
                return [Say("Help.Scripts.1"), Say("Help.Scripts.2"), Say("Help.Scripts.3"), Say("Help.Scripts.4")];
            case "pipeline" or "pipelining":
                return [Say("Help.Pipeline.1"), Say("Help.Pipeline.2")];
            case "compose":
                return
                [
                    "/compose --from A --to B [--to C] [--cc D] [--bcc E] --subject TEXT [--text TEXT] [--html HTML] [--attach @FILE] [--bdat|--data]",
                    Say("Help.Compose.2"), Say("Help.Compose.3"), Say("Help.Compose.4"),
                ];
            case "params" or "parameters" or "dsn":
                return
                [
                    "MAIL FROM:<a@b> SIZE=n BODY=8BITMIME|BINARYMIME SMTPUTF8 RET=FULL|HDRS ENVID=xtext REQUIRETLS",
                    "RCPT TO:<c@d> NOTIFY=NEVER|SUCCESS,FAILURE,DELAY ORCPT=rfc822;xtext",
                    Say("Help.Params.3"),
                ];
            case "proxy":
                return [Say("Help.Proxy.1"), Say("Help.Proxy.2"), Say("Help.Proxy.3")];
            default:
                if (topic is not null && TopicHelp.Lines(topic, language) is { } single) return single;
                return [MessageCatalog.Format(language, "Help.NoTopic", topic)];
        }
    }
}
