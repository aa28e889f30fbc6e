using System.Globalization;
using SmtpConsole.Core.Messages;

namespace SmtpConsole.App;

/// <summary>
/// What the console leaves on the normal screen after it closes: where the session went, and a one-line summary of
/// the last connection (earlier connections of the sitting on a line of their own, each with its own TLS and login).
/// </summary>
internal static class ExitSummary
{
    public static IReadOnlyList<string> Lines(string? logPath, string? savedPath, SessionTally tally, string reason, UiLanguage language = UiLanguage.English)
    {
        var lines = new List<string>();
        string current = tally.Current is { } last ? Describe(last, language) : string.Join(" · ", language.Say("Exit.NoServer"), language.Say("Exit.NoTls"), language.Say("Exit.NoAuth"), Messages(0, language));
        lines.Add(language.Say("Exit.Summary", current, reason));
        if (tally.Earlier is { Count: > 0 } earlier)
            lines.Add(language.Say("Exit.Earlier", string.Join("; ", earlier.Select(c => Describe(c, language)))));
        if (logPath is not null) lines.Add(language.Say("SessionLog", logPath));
        if (savedPath is not null) lines.Add(language.Say("Exit.Saved", savedPath));
        return lines;
    }

    private static string Describe(ConnectionTally connection, UiLanguage language) => string.Join(" · ",
        connection.Target,
        connection.Tls is { } t ? language.Say("Exit.Tls", t) : language.Say("Exit.NoTls"),
        connection.User is { } u ? language.Say("Exit.Auth", u) : language.Say("Exit.NoAuth"),
        Messages(connection.MessagesAccepted, language));

    private static string Messages(int count, UiLanguage language) =>
        count == 1 ? language.Say("Exit.OneMessage") : language.Say("Exit.Messages", count.ToString(CultureInfo.InvariantCulture));
}
