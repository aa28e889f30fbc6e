using SmtpConsole.Core.Analysis;
using SmtpConsole.Core.Protocol;

namespace SmtpConsole.Core.Tests.Analysis;

/// <summary>
/// Learner hints from the session's state (issue 14): each common mistake names its real cause, with the session's
/// state (wording-independent) and, for <c>explain</c>, from the wording alone.
/// </summary>
public class SessionStateHintsTests
{
    private static readonly EhloCapabilities StartTlsNoAuth = EhloCapabilities.Parse(["mail.example", "PIPELINING", "STARTTLS"]);
    private static readonly EhloCapabilities WithAuth = EhloCapabilities.Parse(["mail.example", "AUTH PLAIN LOGIN"]);
    private static readonly EhloCapabilities NoTlsNoAuth = EhloCapabilities.Parse(["mail.example", "PIPELINING"]);
    private static readonly EhloCapabilities Size1000NoChunking = EhloCapabilities.Parse(["mail.example", "SIZE 1000", "8BITMIME"]);
    private static readonly EhloCapabilities Chunking = EhloCapabilities.Parse(["mail.example", "SIZE 1000", "CHUNKING"]);

    private static SessionState State(SessionPhase phase, bool authenticated = false, bool tls = false, EhloCapabilities? caps = null, bool closing = false) =>
        new(phase, authenticated, tls, caps ?? EhloCapabilities.None, closing);

    private static SessionStateRule? Rule(string line, int code, string text, SessionState? state) =>
        SessionStateHints.For(PendingCommand.Command(line, line), code, text, state)?.Rule;

    public static TheoryData<string, string, int, string, SessionState?, SessionStateRule?> Cases => new()
    {
        // With the session's state: the server's words don't matter (an invented wording on purpose).
        { "RCPT first", "RCPT TO:<b@x>", 503, "bad sequence", State(SessionPhase.Ehlo), SessionStateRule.MailMissing },
        { "second MAIL", "MAIL FROM:<a@x>", 503, "bad sequence", State(SessionPhase.Mail), SessionStateRule.TransactionOpen },
        { "AUTH twice", "AUTH PLAIN AGFAYg==", 503, "bad sequence", State(SessionPhase.Authenticated, authenticated: true, tls: true, caps: WithAuth), SessionStateRule.AlreadyAuthenticated },
        { "EHLO without name", "EHLO", 501, "Syntax: EHLO hostname", State(SessionPhase.Greeted), SessionStateRule.EhloNeedsName },
        { "HELO without name", "HELO ", 501, "Syntax: HELO hostname", State(SessionPhase.Greeted), SessionStateRule.EhloNeedsName },
        { "AUTH before STARTTLS", "AUTH LOGIN", 503, "5.5.1 Error: authentication not enabled", State(SessionPhase.Ehlo, caps: StartTlsNoAuth), SessionStateRule.AuthNeedsTls },
        { "AUTH before STARTTLS (530)", "AUTH LOGIN", 530, "5.7.0 Must issue a STARTTLS command first", State(SessionPhase.Ehlo, caps: StartTlsNoAuth), SessionStateRule.AuthNeedsTls },
        { "AUTH never offered", "AUTH LOGIN", 502, "5.5.1 Error: command not implemented", State(SessionPhase.Ehlo, caps: NoTlsNoAuth), SessionStateRule.AuthNotOffered },
        { "MAIL before EHLO", "MAIL FROM:<a@x>", 503, "bad sequence", State(SessionPhase.Greeted), SessionStateRule.EhloFirst },
        { "DATA without RCPT", "DATA", 503, "bad sequence", State(SessionPhase.Mail), SessionStateRule.RcptMissing },
        { "DATA without MAIL", "DATA", 503, "bad sequence", State(SessionPhase.Ehlo), SessionStateRule.MailAndRcptMissing },
        { "after 421", "MAIL FROM:<a@x>", 421, "4.4.2 closing", State(SessionPhase.Ehlo, closing: true), SessionStateRule.AfterClosing },
        { "AUTH after STARTTLS, no EHLO", "AUTH PLAIN AGFAYg==", 503, "5.5.1 Error: send HELO/EHLO first", State(SessionPhase.Tls, tls: true), SessionStateRule.EhloAgainAfterTls },
        { "MAIL after STARTTLS, no EHLO", "MAIL FROM:<a@x>", 503, "bad sequence", State(SessionPhase.Tls, tls: true), SessionStateRule.EhloAgainAfterTls },
        { "AUTH inside a transaction", "AUTH PLAIN AGFAYg==", 503, "5.5.1 Error: MAIL transaction in progress", State(SessionPhase.Mail, tls: true, caps: WithAuth), SessionStateRule.AuthInsideTransaction },

        { "BDAT without CHUNKING", "BDAT 5 LAST", 500, "Error: command \"BDAT\" not recognized", State(SessionPhase.Rcpt, caps: Size1000NoChunking), SessionStateRule.ChunkingNotOffered },
        { "BDAT before MAIL, CHUNKING offered", "BDAT 5 LAST", 503, "5.5.1 Error: need MAIL command", State(SessionPhase.Ehlo, caps: Chunking), SessionStateRule.MailAndRcptMissing },
        { "MAIL SIZE over the EHLO limit", "MAIL FROM:<a@x> SIZE=5000", 552, "Error: message size exceeds fixed maximum message size", State(SessionPhase.Ehlo, caps: Size1000NoChunking), SessionStateRule.SizeOverLimit },

        // A policy refusal is never relabelled as a sequence mistake.
        { "MAIL SIZE under the limit, refused for another reason", "MAIL FROM:<a@x> SIZE=500", 552, "5.2.2 Mailbox full", State(SessionPhase.Ehlo, caps: Size1000NoChunking), null },
        { "RCPT refused by policy", "RCPT TO:<b@x>", 554, "5.7.1 <b@x>: Relay access denied", State(SessionPhase.Mail), null },
        { "MAIL refused by policy", "MAIL FROM:<a@x>", 553, "5.7.1 Sender address rejected", State(SessionPhase.Ehlo), null },
        { "EHLO with a name refused", "EHLO client.example", 550, "5.7.1 Access denied", State(SessionPhase.Greeted), null },
        { "success", "RCPT TO:<b@x>", 250, "2.1.5 Ok", State(SessionPhase.Ehlo), null },

        // From the wording alone (explain, a pasted reply): Postfix, Exim, Exchange, Gmail.
        { "Postfix need MAIL", "RCPT TO:<b@x>", 503, "5.5.1 Error: need MAIL command", null, SessionStateRule.MailMissing },
        { "Exchange need mail", "RCPT TO:<b@x>", 503, "5.5.2 Need mail command", null, SessionStateRule.MailMissing },
        { "Gmail MAIL first", "RCPT TO:<b@x>", 503, "5.5.1 MAIL first. x - gsmtp", null, SessionStateRule.MailMissing },
        { "Exim sender already given", "MAIL FROM:<a@x>", 503, "sender already given", null, SessionStateRule.TransactionOpen },
        { "Exchange sender already specified", "MAIL FROM:<a@x>", 503, "5.5.2 Sender already specified", null, SessionStateRule.TransactionOpen },
        { "Postfix nested MAIL", "MAIL FROM:<a@x>", 503, "5.5.1 Error: nested MAIL command", null, SessionStateRule.TransactionOpen },
        { "Postfix already authenticated", "AUTH LOGIN", 503, "5.5.1 Error: already authenticated", null, SessionStateRule.AlreadyAuthenticated },
        { "Exim valid RCPT must precede DATA", "DATA", 503, "valid RCPT command must precede DATA", null, SessionStateRule.RcptMissing },
        { "Exchange send hello first", "MAIL FROM:<a@x>", 503, "5.5.2 Send hello first", null, SessionStateRule.EhloMissing },
        { "Gmail EHLO/HELO first", "MAIL FROM:<a@x>", 503, "5.5.1 EHLO/HELO first. x - gsmtp", null, SessionStateRule.EhloMissing },
        { "Postfix send HELO/EHLO first", "AUTH LOGIN", 503, "5.5.1 Error: send HELO/EHLO first", null, SessionStateRule.EhloMissing },
        { "Practice STARTTLS first", "AUTH LOGIN", 530, "5.7.0 Must issue a STARTTLS command first", null, SessionStateRule.AuthNeedsTls },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void For_NamesTheRealCause(string mistake, string line, int code, string text, SessionState? state, SessionStateRule? expected)
    {
        Assert.True(Rule(line, code, text, state) == expected, $"{mistake}: expected {expected?.ToString() ?? "no hint"}, got {Rule(line, code, text, state)?.ToString() ?? "no hint"}");
    }

    [Fact]
    public void For_UnknownCommand_UsesWordingOnly()
    {
        Assert.Equal(SessionStateRule.EhloMissing, SessionStateHints.For(null, 503, "5.5.1 Error: send HELO/EHLO first", null)?.Rule);
        Assert.Null(SessionStateHints.For(null, 550, "5.1.1 User unknown", null));
    }

    [Fact]
    public void Hints_NameNoFrontEndKeyOrFlag()
    {
        foreach (var (_, line, code, text, state, expected) in Cases.Select(r => ((string)r[0], (string)r[1], (int)r[2], (string)r[3], (SessionState?)r[4], (SessionStateRule?)r[5])))
        {
            if (expected is null) continue;
            string hint = SessionStateHints.For(PendingCommand.Command(line, line), code, text, state)!.Text;
            Assert.DoesNotMatch(@"\bF\d+\b|--[a-z]|/[a-z]+\b", hint);
        }
    }
}
