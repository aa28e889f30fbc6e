using SmtpConsole.Core.Protocol;
using SmtpConsole.Core.Transcript;

namespace SmtpConsole.Tui;

/// <summary>
/// The fallback advisor: reply classes and the handful of codes every learner meets. The diagnosis knowledge base
/// replaces it where available; this keeps the hint row and F4 useful without it.
/// </summary>
internal sealed class BasicReplyAdvisor : IReplyAdvisor
{
    public string? Hint(TranscriptEvent replyEvent)
    {
        if (replyEvent.Reply is not { Code: >= 400 } reply) return null;
        return CodeHint(reply.Code, reply.Enhanced);
    }

    public IReadOnlyList<string> Explain(TranscriptEvent replyEvent)
    {
        if (replyEvent.Reply is not { } reply) return ["Not a server reply: select an S: line (or run a command first)."];
        var lines = new List<string>
        {
            $"{reply.Code}: {DescribeClass(reply.Code)}",
        };
        if (reply.Enhanced is { } enhanced)
            lines.Add($"{enhanced}: {EnhancedMeaning(enhanced) ?? "no description for this enhanced code"}");
        if (CodeHint(reply.Code, reply.Enhanced) is { } hint) lines.Add(hint);
        lines.Add("Server text: " + reply.Text);
        return lines;
    }

    public string? EnhancedMeaning(EnhancedStatusCode code)
    {
        string cls = code.Class switch { 2 => "success", 4 => "temporary failure", _ => "permanent failure" };
        string subject = code.Subject switch
        {
            0 => "other or undefined status",
            1 => "addressing status",
            2 => "mailbox status",
            3 => "mail system status",
            4 => "network and routing status",
            5 => "mail delivery protocol status",
            6 => "message content or media status",
            7 => "security or policy status",
            _ => "unknown subject",
        };
        return $"{cls}; {subject}";
    }

    public static string DescribeClass(int code) => (code / 100) switch
    {
        2 => "success: the command was accepted",
        3 => "intermediate: accepted so far, the server waits for more (334 for AUTH, 354 for DATA)",
        4 => "temporary failure: try again later; a client would queue and retry",
        5 => "permanent failure: retrying the same thing will fail again",
        _ => "not a valid SMTP reply code",
    };

    private static string? CodeHint(int code, EnhancedStatusCode? enhanced) => (code, enhanced?.ToString()) switch
    {
        (535, _) => "hint: authentication failed: wrong user or password, or the provider wants an app password / OAuth",
        (534, _) => "hint: the provider wants a stronger mechanism or an app password (web login may be required once)",
        (530, "5.7.0") or (530, null) => "hint: authenticate first (AUTH), and most servers offer AUTH only after STARTTLS",
        (530, _) => "hint: the server requires something first (authentication or TLS)",
        (538, _) => "hint: encryption required for this mechanism: /starttls first",
        (421, _) => "hint: the server is closing the connection (overloaded, rate-limited or idle too long)",
        (450, _) or (451, _) => "hint: temporary failure (greylisting, rate limit or a server problem): try again later",
        (452, _) => "hint: the server is out of room for now (storage, or too many recipients in one message)",
        (454, _) => "hint: TLS or authentication is temporarily unavailable",
        (500, _) or (501, _) => "hint: syntax error: check the command and its arguments (addresses go in <angle brackets>)",
        (502, _) or (504, _) => "hint: command or parameter not implemented by this server",
        (503, _) => "hint: bad sequence of commands: e.g. EHLO before MAIL, MAIL before RCPT, RCPT before DATA",
        (550, _) => "hint: mailbox unavailable or the message was refused by policy (see the server text)",
        (551, _) => "hint: user not local; the server will not relay",
        (552, _) => "hint: message too big for the server or the mailbox (see SIZE in the EHLO reply)",
        (553, _) => "hint: mailbox name not allowed: often a sender the account may not use",
        (554, _) => "hint: transaction failed: rejected, often by policy or as spam",
        (555, _) => "hint: a MAIL FROM or RCPT TO parameter is not recognised",
        _ => code >= 500 ? "hint: permanent failure: see the server text" : "hint: temporary failure: try again later",
    };
}
