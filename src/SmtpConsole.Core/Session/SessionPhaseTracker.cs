using SmtpConsole.Core.Protocol;

namespace SmtpConsole.Core.Session;

/// <summary>
/// Follows the phase from each command and its reply. Pure logic, so every transition is table-testable. The
/// command comes typed from the session's queue (<see cref="PendingCommand"/>), so a SASL response counts as AUTH
/// and the reply after the body ends the message whatever the lines looked like.
/// </summary>
public sealed class SessionPhaseTracker
{
    /// <summary>The phase a transaction returns to after it ends (RSET, end of DATA): the best state reached before MAIL.</summary>
    private SessionPhase _resting = SessionPhase.Disconnected;

    public SessionPhase Phase { get; private set; } = SessionPhase.Disconnected;

    public void OnConnected() => Set(SessionPhase.Connected, SessionPhase.Connected);

    public void OnDisconnected() => Set(SessionPhase.Disconnected, SessionPhase.Disconnected);

    public void OnGreeting(SmtpReply greeting)
    {
        if (greeting.Code == 220) Set(SessionPhase.Greeted, SessionPhase.Greeted);
    }

    /// <summary>After a successful TLS handshake following STARTTLS: the server forgets everything (RFC 3207 §4.2).</summary>
    public void OnTlsStarted() => Set(SessionPhase.Tls, SessionPhase.Tls);

    /// <summary>Applies a command and the reply that answered it.</summary>
    public void OnReply(PendingCommand command, SmtpReply reply)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (reply.Code == 421)
        {
            // 421 means the server is closing the channel whatever the command was.
            return;
        }
        switch (command.Kind)
        {
            case PendingCommandKind.Greeting:
                OnGreeting(reply);
                return;
            case PendingCommandKind.EndOfData:
                OnMessageEnd();
                return;
            case PendingCommandKind.BdatChunk when command.EndsMessage || reply.Code >= 400:
                // The reply to the last chunk ends the message; a refused chunk ends the transaction (RFC 3030 §2).
                OnMessageEnd();
                return;
        }
        switch (command.Verb)
        {
            case "EHLO" or "HELO" or "LHLO" when reply.Code == 250:
                // A new EHLO resets any transaction (RFC 5321 §4.1.4); AUTH state survives it.
                Set(_resting == SessionPhase.Authenticated ? SessionPhase.Authenticated : SessionPhase.Ehlo,
                    _resting == SessionPhase.Authenticated ? SessionPhase.Authenticated : SessionPhase.Ehlo);
                break;
            case "AUTH" when reply.Code == 235:
                Set(SessionPhase.Authenticated, SessionPhase.Authenticated);
                break;
            case "MAIL" when reply.Code == 250:
                Phase = SessionPhase.Mail;
                break;
            case "RCPT" when reply.Code is 250 or 251:
                Phase = SessionPhase.Rcpt;
                break;
            case "DATA" when reply.Code == 354:
                Phase = SessionPhase.Data;
                break;
            case "RSET" when reply.Code == 250:
                Phase = _resting;
                break;
            case "QUIT" when reply.Code == 221:
                Set(SessionPhase.Disconnected, SessionPhase.Disconnected);
                break;
        }
    }

    /// <summary>The end-of-data reply (after the lone '.') or the reply to <c>BDAT … LAST</c>.</summary>
    public void OnMessageEnd() => Phase = _resting;

    private void Set(SessionPhase phase, SessionPhase resting)
    {
        Phase = phase;
        _resting = resting;
    }
}
