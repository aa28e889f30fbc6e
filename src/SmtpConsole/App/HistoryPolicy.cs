using SmtpConsole.Core.Commands;
using SmtpConsole.Core.Protocol;

namespace SmtpConsole.App;

/// <summary>
/// Decides what a typed line leaves in the history, judged when the line runs (so the state it runs in is known).
/// The rule is "never a secret": helpers are stored as their <see cref="ConsoleCommand.Display"/> (which drops the
/// secret argument), and lines that may carry credentials or message content are not stored at all.
/// </summary>
internal static class HistoryPolicy
{
    /// <summary>The text to remember for <paramref name="line"/>, or null to remember nothing.</summary>
    /// <param name="line">The line as typed.</param>
    /// <param name="mode">The runner's mode just before the line runs.</param>
    /// <param name="lastReplyCode">The code of the last reply the runner saw, if any.</param>
    public static string? EntryFor(string line, RunnerMode mode, int? lastReplyCode)
    {
        // Message body lines are content, not commands.
        if (mode == RunnerMode.DataBody) return null;
        string trimmed = line.Trim();
        if (trimmed.Length == 0 || trimmed.StartsWith('#')) return null;

        if (trimmed.StartsWith('/'))
        {
            ConsoleCommand command;
            try
            {
                command = CommandLineParser.Parse(trimmed);
            }
            catch (CommandSyntaxException)
            {
                // A line the console did not understand may hold a password anywhere (/atuh login demo practice, a
                // --proxy URL with credentials): only what parsed is remembered, in its display form.
                return null;
            }
            // /b64 and /unb64 are how people build AUTH PLAIN by hand: their argument is often the password.
            return command is Base64EncodeCommand or Base64DecodeCommand ? null : command.Display;
        }

        // A raw line answering a 334 is a SASL response: the user name, the password, or something derived from it.
        if (lastReplyCode == 334) return null;
        if (Core.Sasl.AuthCommandLine.MayHoldSecret(trimmed)) return null;
        return trimmed;
    }
}
