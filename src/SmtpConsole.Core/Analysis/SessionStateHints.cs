using SmtpConsole.Core.Messages;
using SmtpConsole.Core.Protocol;

namespace SmtpConsole.Core.Analysis;

/// <summary>
/// Names the real cause of a refusal from what was sent and what the server answered before: RCPT before MAIL is
/// "MAIL FROM is missing", not "an earlier command failed". With the session's state (live sessions) the rules do
/// not depend on the server's wording; without it (<c>explain</c>) they fall back to the wording Postfix, Exim,
/// Exchange, Gmail and the practice server use. Sequence rules claim a cause only for a 503 (bad sequence) or
/// wording that says so, so a policy refusal is never relabelled.
/// </summary>
public static class SessionStateHints
{
    /// <summary>The cause of a failing reply (code 400 and up) to <paramref name="command"/>, or null when no rule applies.</summary>
    /// <param name="command">What the reply answers; null when unknown.</param>
    /// <param name="code">The reply code.</param>
    /// <param name="text">The reply text (all lines).</param>
    /// <param name="state">The session's state when the command was sent; null when unknown (e.g. a pasted reply).</param>
    public static SessionStateHint? For(PendingCommand? command, int code, string text, SessionState? state)
    {
        if (code < 400) return null;
        if (state is { ClosingAnnounced: true })
            return new(SessionStateRule.AfterClosing, CoreMessages.HintAfterClosing, Remedy.Reconnect);
        string verb = command?.Verb ?? string.Empty;
        bool badSequence = code == 503;

        if (verb is "EHLO" or "HELO" or "LHLO" && command!.Kind != PendingCommandKind.Greeting && Argument(command.Line).Length == 0 && code >= 500)
            return new(SessionStateRule.EhloNeedsName, CoreMessages.HintEhloNeedsName(verb), Remedy.SendEhlo);

        var said = SequenceWordingReader.Read(text);
        if (said.HasFlag(SequenceWording.EhloFirst) || (badSequence && state is not null && verb is "MAIL" or "AUTH" or "VRFY" or "STARTTLS"
            && state.Phase is SessionPhase.Connected or SessionPhase.Greeted or SessionPhase.Tls))
        {
            return state switch
            {
                null => new(SessionStateRule.EhloMissing, CoreMessages.HintEhloMissing, Remedy.SendEhlo),
                { Phase: SessionPhase.Tls } => new(SessionStateRule.EhloAgainAfterTls, CoreMessages.HintEhloAgainAfterTls(Shown(verb)), Remedy.SendEhlo),
                { Phase: SessionPhase.Connected or SessionPhase.Greeted } => new(SessionStateRule.EhloFirst, CoreMessages.HintEhloFirst(Shown(verb)), Remedy.SendEhlo),
                _ => null, // The server asks for EHLO although one was accepted: not a sequence the session can explain.
            };
        }

        switch (verb)
        {
            case "AUTH":
                if ((state is { Authenticated: true } && (badSequence || code >= 500)) || said.HasFlag(SequenceWording.AlreadyAuthenticated))
                    return new(SessionStateRule.AlreadyAuthenticated, CoreMessages.HintAlreadyAuthenticated, Remedy.Continue);
                if ((state is { Phase: SessionPhase.Mail or SessionPhase.Rcpt } && badSequence) || said.HasFlag(SequenceWording.TransactionInProgress))
                    return new(SessionStateRule.AuthInsideTransaction, CoreMessages.HintAuthInsideTransaction, Remedy.ResetTransaction);
                if (state is { Tls: false, Capabilities: { IsEmpty: false, Auth: false } caps } && code >= 500)
                {
                    return caps.StartTls
                        ? new(SessionStateRule.AuthNeedsTls, CoreMessages.HintAuthNeedsTls, Remedy.UseStartTls)
                        : new(SessionStateRule.AuthNotOffered, CoreMessages.HintAuthNotOffered, Remedy.UseImplicitTls);
                }
                if (state is not { Tls: true } && said.HasFlag(SequenceWording.StartTlsFirst))
                    return new(SessionStateRule.AuthNeedsTls, CoreMessages.HintAuthNeedsTls, Remedy.UseStartTls);
                break;
            case "MAIL":
                // The numbers decide, not the wording: "552 … exceeds fixed maximum message size" reads like a full mailbox.
                if (state is { Capabilities.Size: > 0 } && DeclaredSize(command!.Line) is { } declared && declared > state.Capabilities.Size)
                    return new(SessionStateRule.SizeOverLimit, CoreMessages.HintSizeOverLimit(Invariant(declared), Invariant(state.Capabilities.Size!.Value)), Remedy.None);
                if ((state is { Phase: SessionPhase.Mail or SessionPhase.Rcpt } && badSequence) || said.HasFlag(SequenceWording.NestedMail))
                    return new(SessionStateRule.TransactionOpen, CoreMessages.HintTransactionOpen, Remedy.ResetTransaction);
                break;
            case "RCPT":
                if ((state is { Phase: not (SessionPhase.Mail or SessionPhase.Rcpt or SessionPhase.Data) } && badSequence) || said.HasFlag(SequenceWording.NeedMail))
                    return new(SessionStateRule.MailMissing, CoreMessages.HintMailMissing, Remedy.SendMailFrom);
                break;
            case "BDAT" when code >= 500 && state is { Capabilities: { IsEmpty: false, Chunking: false } }:
                // "500 command not recognized" is true but says nothing a learner can act on: the EHLO reply had no CHUNKING.
                return new(SessionStateRule.ChunkingNotOffered, CoreMessages.HintChunkingNotOffered, Remedy.None);
            case "DATA" or "BDAT" when command!.Kind != PendingCommandKind.EndOfData:
                if (state is { Phase: not (SessionPhase.Mail or SessionPhase.Rcpt or SessionPhase.Data) } && (badSequence || said.HasFlag(SequenceWording.NeedMail) || said.HasFlag(SequenceWording.NeedRcpt)))
                    return new(SessionStateRule.MailAndRcptMissing, CoreMessages.HintMailAndRcptMissing(verb), Remedy.SendMailFrom);
                if ((state is { Phase: SessionPhase.Mail } && (badSequence || code == 554)) || (state is null && said.HasFlag(SequenceWording.NeedRcpt)))
                    return new(SessionStateRule.RcptMissing, CoreMessages.HintRcptMissing(verb), Remedy.SendRcptTo);
                break;
            case "" when command is null:
                // A pasted reply with no command given: only wording that names the mistake by itself counts.
                if (said.HasFlag(SequenceWording.AlreadyAuthenticated))
                    return new(SessionStateRule.AlreadyAuthenticated, CoreMessages.HintAlreadyAuthenticated, Remedy.Continue);
                if (said.HasFlag(SequenceWording.NestedMail))
                    return new(SessionStateRule.TransactionOpen, CoreMessages.HintTransactionOpen, Remedy.ResetTransaction);
                if (said.HasFlag(SequenceWording.NeedMail))
                    return new(SessionStateRule.MailMissing, CoreMessages.HintMailMissing, Remedy.SendMailFrom);
                if (said.HasFlag(SequenceWording.NeedRcpt))
                    return new(SessionStateRule.RcptMissing, CoreMessages.HintRcptMissing("DATA"), Remedy.SendRcptTo);
                break;
        }
        return null;
    }

    private static string Argument(string line) => SmtpCommandText.Argument(line);

    private static long? DeclaredSize(string line)
    {
        var m = System.Text.RegularExpressions.Regex.Match(line, @"\sSIZE=(\d{1,18})\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        return m.Success && long.TryParse(m.Groups[1].Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long n) ? n : null;
    }

    private static string Invariant(long n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Shown(string verb) => verb is "MAIL" ? "MAIL FROM" : verb is "RCPT" ? "RCPT TO" : verb;
}
