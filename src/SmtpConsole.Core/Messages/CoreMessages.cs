using System.Globalization;

namespace SmtpConsole.Core.Messages;

/// <summary>
/// Every user-facing sentence of the engine, one member per message (the KestrelTrace idea): call sites pass
/// values, never glue text, so a translation can replace a whole sentence. Messages name protocol steps and
/// remedies in SMTP terms; how to carry a remedy out (a flag, a key) is each front end's business (<see cref="Remedy"/>).
/// </summary>
public static class CoreMessages
{
    // Learner hints from the session's state (Analysis/SessionStateHints).
    public static string HintAfterClosing => "the server already announced 421 and is closing the connection: nothing sent now is processed; reconnect";

    public static string HintEhloNeedsName(string verb) => Format("{0} needs your host name (e.g. {0} client.example.com): the server refused it without one", verb);

    public static string HintEhloMissing => "EHLO is missing: send EHLO first (after STARTTLS it must be sent again: the server forgot the first one)";

    public static string HintEhloFirst(string command) => Format("EHLO is missing: send EHLO with your host name before {0}", command);

    public static string HintEhloAgainAfterTls(string command) => Format("STARTTLS restarted the session: send EHLO again before {0} (the server forgot the first EHLO)", command);

    public static string HintAlreadyAuthenticated => "already authenticated on this connection: AUTH is allowed once; go on with MAIL FROM";

    public static string HintAuthInsideTransaction => "a transaction is open: AUTH is not allowed after MAIL FROM; send RSET, then AUTH";

    public static string HintAuthNeedsTls => "AUTH is not offered yet: this server offers it only over TLS; send STARTTLS, then EHLO again, then AUTH";

    public static string HintAuthNotOffered => "the server offers no AUTH on this connection (no AUTH in the EHLO reply): try implicit TLS (port 465) or the submission port";

    public static string HintTransactionOpen => "a transaction is open (MAIL FROM was accepted): send RSET or finish it before a new MAIL FROM";

    public static string HintMailMissing => "MAIL FROM is missing: a transaction starts with MAIL FROM:<sender>, then RCPT TO";

    public static string HintRcptMissing(string verb) => Format("no recipient was accepted: {0} needs at least one accepted RCPT TO first", verb);

    public static string HintMailAndRcptMissing(string verb) => Format("MAIL FROM and RCPT TO are missing: {0} comes after MAIL FROM and at least one accepted RCPT TO", verb);

    // Consent and TLS (the remedy is a key: see Remedy).
    public static string PlaintextCredentialsRefused => "refused to send credentials over a connection without TLS: anyone on the path could read them";

    public static string StartTlsNotAdvertised => "the server does not advertise STARTTLS after EHLO, so the connection cannot be secured";

    // Session messages.
    public static string UnsolicitedReply => "unsolicited: no command was waiting for this reply";

    public static string ReplyTo(string line) => Format("reply to {0}", line);

    public static string NotConnected => "not connected: use /connect HOST [PORT] [--tls|--starttls|--plain] first";

    public static string NotConnectedAfterClosing => "not connected: the server closed the connection after its 421; reconnect";

    public static string ClosedAfterClosing => "the server closed the connection after its 421: nothing sent now is processed; reconnect";

    public static string ConnectionLostWhileSending => "connection lost while sending";

    public static string ClosedWithoutReply(string waitingFor) => Format("the server closed the connection without replying to {0}", waitingFor);

    public static string ServerClosing421 => "421: the server is closing the connection";

    public static string EhloLineNotUnderstood(string line) => Format("EHLO line not understood: {0}", line);

    public static string MalformedReply(string problem) => Format("malformed reply: {0}", problem);

    public static string CommandAfterClosing(string line) => Format("the server announced 421 (closing): \"{0}\" will most likely not be processed; reconnect", line);

    private static string Format(string format, params object?[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}
