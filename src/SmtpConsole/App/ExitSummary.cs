using System.Globalization;
using SmtpConsole.Core.Messages;

namespace SmtpConsole.App;

/// <summary>What the console leaves on the normal screen after it closes: where the session went, and a one-line summary.</summary>
internal static class ExitSummary
{
    public static IReadOnlyList<string> Lines(string? logPath, string? savedPath, SessionTally tally, string reason, UiLanguage language = UiLanguage.English)
    {
        var lines = new List<string>();
        string host = tally.Target ?? language.Say("Exit.NoServer");
        string tls = tally.Tls is { } t ? language.Say("Exit.Tls", t) : language.Say("Exit.NoTls");
        string auth = tally.User is { } u ? language.Say("Exit.Auth", u) : language.Say("Exit.NoAuth");
        string messages = tally.MessagesAccepted == 1 ? language.Say("Exit.OneMessage") : language.Say("Exit.Messages", tally.MessagesAccepted.ToString(CultureInfo.InvariantCulture));
        lines.Add(language.Say("Exit.Summary", host, tls, auth, messages, reason));
        if (logPath is not null) lines.Add(language.Say("SessionLog", logPath));
        if (savedPath is not null) lines.Add(language.Say("Exit.Saved", savedPath));
        return lines;
    }
}
