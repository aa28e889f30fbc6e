using SmtpConsole.Core.Messages;

namespace SmtpConsole.Core.Commands;

/// <summary>The text of <c>/help</c>, shared by the TUI's help screen.</summary>
public static class HelpText
{
    public static IReadOnlyList<string> Lines(string? topic)
    {
        switch (topic?.ToLowerInvariant())
        {
            case null or "" or "helpers":
                return
                [
                    CoreMessages.HelpIntro,
                    .. CommandLineParser.Helpers.Select(h => "  " + h.Synopsis),
                    CoreMessages.HelpMore,
                ];
            case "auth":
                return
                [
                    "/auth login USER: sends AUTH LOGIN, decodes each 334 prompt (\"Username:\", \"Password:\") and answers it in Base64.",
                    "/auth plain|cram-md5|digest-md5|scram-sha-1|scram-sha-256|scram-sha-512|ntlm|xoauth2|oauthbearer USER: the SASL maths is done for you; every step is shown and decoded (SCRAM nonce/salt/iterations, DIGEST-MD5 directives, OAuth errors), secrets masked.",
                    "Leave out the secret to be asked for it (masked). Without TLS you are asked before credentials go out in clear.",
                    "--initial sends the first response with the AUTH command; --no-initial waits for the 334.",
                ];
            case "data":
                return
                [
                    "/data sends DATA; after 354, type the message: headers, a blank line, the body; a lone '.' ends it.",
                    "Lines starting with '.' are dot-stuffed (RFC 5321 §4.5.2) so the server keeps them.",
                    "/data @FILE streams a file (CRLF-normalised, dot-stuffed); /bdat @FILE uses CHUNKING instead.",
                ];
            case "expect":
                return
                [
                    "/expect 250 | 2xx | 250|251 [/REGEX/i] checks the reply of the previous line; in scripts a failure ends the run with exit code 1.",
                    "In a saved transcript, each S: line is an expectation on the reply code.",
                ];
            case "tls" or "starttls":
                return
                [
                    "/starttls upgrades a plain connection (RFC 3207). Anything the server sent after its 220 is discarded (injection defence).",
                    "After TLS the server forgets EHLO: send /ehlo again to see what it offers now (usually AUTH).",
                    "Certificates are verified; --cafile FILE trusts a private CA; --insecure accepts anything and says so.",
                ];
            case "scripts" or "replay":
                return
                [
                    "smtpconsole replay SCRIPT runs these same lines headless: a raw line waits for its reply; ${NAME} comes from --var NAME=VALUE or SMTPCONSOLE_NAME.",
                    "A 4xx/5xx reply to a raw line fails the run unless the next line is an /expect that allows it.",
                    "A saved transcript (C:/S: lines) is itself a script: C: lines are sent, S: lines become expectations.",
                    "Exit codes: 0 all expectations met; 1 an expectation failed or the server closed early; 2 usage or script error; 3 connection or TLS failure.",
                ];
            case "pipeline" or "pipelining":
                return
                [
                    "/pipeline starts a group; raw commands are collected; /end sends them in one write and pairs each reply with its command.",
                    "EHLO, DATA, VRFY, EXPN, QUIT, NOOP, AUTH and STARTTLS may only end a group (RFC 2920).",
                ];
            case "compose":
                return
                [
                    "/compose --from A --to B [--to C] [--cc D] [--bcc E] --subject TEXT [--text TEXT] [--html HTML] [--attach @FILE] [--bdat|--data]",
                    "builds a MIME message with MimeKit (RFC 2047 subject, Date, Message-ID, alternatives, attachments) and sends MAIL FROM, one RCPT TO per recipient, then DATA or BDAT.",
                    "It picks SIZE=, BODY=8BITMIME (8-bit text, when offered), SMTPUTF8 (non-ASCII addresses) and BDAT (8-bit and CHUNKING offered) from the EHLO reply; send /ehlo first.",
                    "--text-file @F / --html-file @F read bodies from files; in --text, \\n is a line break. --ret FULL|HDRS, --envid ID, --notify SUCCESS,FAILURE add DSN parameters.",
                ];
            case "params" or "parameters" or "dsn":
                return
                [
                    "MAIL FROM:<a@b> SIZE=n BODY=8BITMIME|BINARYMIME SMTPUTF8 RET=FULL|HDRS ENVID=xtext REQUIRETLS",
                    "RCPT TO:<c@d> NOTIFY=NEVER|SUCCESS,FAILURE,DELAY ORCPT=rfc822;xtext",
                    "ENVID and ORCPT values are xtext (RFC 3461): '+', '=', spaces and non-ASCII are +XX. A wrong value is flagged before sending, with the encoded form.",
                ];
            case "proxy":
                return
                [
                    "--proxy socks5://[user:pass@]host:1080 or --proxy http://[user:pass@]host:3128 (also /connect … --proxy URL, and \"proxy\" in a profile).",
                    "SOCKS5 sends the server's host name to the proxy (it resolves it); HTTP proxies get CONNECT host:port. Each step is shown; proxy credentials never are.",
                    "/connect … --no-proxy connects directly despite the profile's proxy.",
                ];
            default:
                if (topic is not null && TopicHelp.Lines(topic) is { } single) return single;
                return [$"no help on \"{topic}\"; try /help, /help auth, /help data, /help compose, /help params, /help proxy, /help expect, /help tls, /help scripts, /help pipeline"];
        }
    }
}
