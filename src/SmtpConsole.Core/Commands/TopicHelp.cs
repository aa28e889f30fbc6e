namespace SmtpConsole.Core.Commands;

/// <summary>
/// <c>/help</c> for a single helper (<c>/help connect</c>, <c>/help /mx</c>) or SMTP verb (<c>/help RCPT</c>):
/// its synopsis, what it does on the wire, and the replies to expect. Null when the word is neither.
/// </summary>
public static class TopicHelp
{
    private static readonly Dictionary<string, string[]> Verbs = new(StringComparer.OrdinalIgnoreCase)
    {
        ["EHLO"] = ["EHLO NAME: greet the server and ask what it offers (RFC 5321 §4.1.1.1); the 250 lines list extensions (SIZE, STARTTLS, AUTH …).", "Send it again after STARTTLS: the server forgets everything. /ehlo with no name reuses the last name you greeted with."],
        ["HELO"] = ["HELO NAME: the old greeting, without extensions (no AUTH, no STARTTLS, no SIZE); use EHLO unless a server refuses it."],
        ["MAIL"] = ["MAIL FROM:<sender@example> [SIZE=n] [BODY=8BITMIME] [SMTPUTF8] [RET=…] [ENVID=…]: start a message (RFC 5321 §4.1.1.2).", "250 accepted; 530/550/553 usually mean: authenticate first, or this sender is not yours. MAIL FROM:<> is the null sender of bounces. /help params lists the parameters."],
        ["RCPT"] = ["RCPT TO:<recipient@example> [NOTIFY=…] [ORCPT=…]: add a recipient (RFC 5321 §4.1.1.3); repeat for each one.", "250/251 accepted; 550 unknown user or relay denied (authenticate to relay); 452/451 try later."],
        ["DATA"] = ["DATA: after 354, the message follows: headers, a blank line, the body, then '.' alone on a line (RFC 5321 §4.1.1.4).", "The reply after the '.' is the one that matters: 250 means the server took the message. /help data has the helper."],
        ["BDAT"] = ["BDAT n [LAST]: send exactly n octets of the message, no dot-stuffing (CHUNKING, RFC 3030). /bdat @FILE does the counting."],
        ["RSET"] = ["RSET: abandon the current message (sender and recipients); the connection and authentication stay."],
        ["NOOP"] = ["NOOP: does nothing; 250 proves the connection is alive (and shows the round trip time)."],
        ["QUIT"] = ["QUIT: ask the server to close the connection (221). /quit sends it and leaves the console."],
        ["VRFY"] = ["VRFY NAME: ask whether a mailbox exists. Most servers answer 252 (cannot verify) or 502 to stop address harvesting."],
        ["EXPN"] = ["EXPN LIST: ask for the members of a mailing list; almost always refused (502)."],
        ["AUTH"] = ["AUTH MECHANISM [initial-response]: log in (RFC 4954); 334 lines are the server's Base64 challenges, 235 success, 535 bad credentials, 530/538 TLS needed first.", "/auth does the encoding for you: /help auth."],
        ["STARTTLS"] = ["STARTTLS: switch the connection to TLS (RFC 3207); then send EHLO again. /help tls."],
        ["HELP"] = ["HELP [verb]: the server's own help text (214), if it has any. /help (with a slash) is this console's help."],
    };

    public static IReadOnlyList<string>? Lines(string topic)
    {
        string word = topic.Trim();
        if (Verbs.TryGetValue(word, out var verb)) return verb;
        string name = word.StartsWith('/') ? word : "/" + word;
        foreach (var (helper, synopsis) in CommandLineParser.Helpers)
        {
            if (helper.Equals(name, StringComparison.OrdinalIgnoreCase)) return [synopsis, .. Extra(helper)];
        }
        return name.ToLowerInvariant() switch
        {
            "/helo" => ["/helo [NAME]  (HELO instead of EHLO; no extensions)"],
            "/noop" or "/vrfy" or "/expn" => [CommandLineParser.Helpers.First(h => h.Name == "/rset").Synopsis],
            "/end" => ["/end  (sends the /pipeline group)"],
            _ => null,
        };
    }

    private static string[] Extra(string helper) => helper switch
    {
        "/connect" => ["/connect practice  connects to the built-in practice server (starts it when needed)."],
        "/ehlo" => ["With no NAME it reuses the name you last greeted with in this session (else the profile's ehloName, else this machine's name)."],
        "/quit" => ["Also /exit. Connected: sends QUIT, then closes the console; not connected: just closes it. Ctrl+Q does the same."],
        "/mx" => ["/connect mx:DOMAIN connects to the best MX host."],
        _ => [],
    };
}
