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

    /// <summary>
    /// Why <paramref name="command"/> cannot join a group whose last line so far has the verb <paramref name="previousVerb"/>;
    /// null when it can. The verb it parses is handed back, so the caller keeps it for the next line (no line parsed twice).
    /// </summary>
    /// <param name="previousVerb">The verb of the group's last line so far; null for an empty group.</param>
    /// <param name="command">The command to add.</param>
    /// <param name="verb">The verb of <paramref name="command"/> when it is a raw line (the next call's previous verb).</param>
    public static string? Problem(string? previousVerb, ConsoleCommand command, out string? verb)
    {
        verb = null;
        switch (command)
        {
            case CommentCommand or PipelineEndCommand:
                return null;
            case RawCommand raw:
                verb = SmtpCommandText.Verb(raw.Line);
                if (previousVerb is not null && GroupEnders.Contains(previousVerb))
                    return Messages.RunnerMessages.PipelinePastLast(previousVerb);
                if (verb is "STARTTLS" || AuthCommandLine.IsAuth(raw.Line))
                    return Messages.RunnerMessages.StateChangeNotPipelined(verb is "STARTTLS" ? verb : "AUTH");
                return null;
            default:
                return Messages.RunnerMessages.OnlyRawPipelined(command.Display);
        }
    }
}
