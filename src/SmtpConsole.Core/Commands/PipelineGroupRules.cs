using SmtpConsole.Core.Protocol;
using SmtpConsole.Core.Sasl;

namespace SmtpConsole.Core.Commands;

/// <summary>
/// What may go into a <c>/pipeline</c> group (RFC 2920): the runner checks each line as it is collected, and a
/// script's whole-file check applies the same rules, so a bad group stops the script before anything is sent.
/// </summary>
public static class PipelineGroupRules
{
    /// <summary>RFC 2920 §3.1: these may only be the last command of a pipelined group.</summary>
    private static readonly HashSet<string> GroupEnders = ["EHLO", "HELO", "DATA", "VRFY", "EXPN", "TURN", "QUIT", "NOOP", "AUTH", "STARTTLS", "BDAT"];

    /// <summary>Why <paramref name="command"/> cannot join a group whose last line so far is <paramref name="previous"/>; null when it can.</summary>
    public static string? Problem(string? previous, ConsoleCommand command)
    {
        switch (command)
        {
            case CommentCommand or PipelineEndCommand:
                return null;
            case RawCommand raw:
                string verb = SmtpCommandText.Verb(raw.Line);
                if (previous is not null && GroupEnders.Contains(SmtpCommandText.Verb(previous)))
                    return $"cannot pipeline past {SmtpCommandText.Verb(previous)}: it must be the last command of a group (RFC 2920); /end the group first";
                if (verb is "STARTTLS" || AuthCommandLine.IsAuth(raw.Line))
                    return $"{(verb is "STARTTLS" ? verb : "AUTH")} cannot be pipelined here: it changes the connection state; send it outside /pipeline";
                return null;
            default:
                return $"{command.Display}: only raw SMTP commands can be pipelined (end the group with /end)";
        }
    }
}
