using System.Globalization;

namespace SmtpConsole.App;

/// <summary>What the console leaves on the normal screen after it closes: where the session went, and a one-line summary.</summary>
internal static class ExitSummary
{
    public static IReadOnlyList<string> Lines(string? logPath, string? savedPath, SessionTally tally, string reason)
    {
        var lines = new List<string>();
        string host = tally.Target ?? "no server";
        string tls = tally.Tls is { } t ? "TLS " + t : "no TLS";
        string auth = tally.User is { } u ? "auth " + u : "no auth";
        string messages = tally.MessagesAccepted == 1 ? "1 message accepted" : tally.MessagesAccepted.ToString(CultureInfo.InvariantCulture) + " messages accepted";
        lines.Add($"smtpconsole: {host} · {tls} · {auth} · {messages} · exit: {reason}");
        if (logPath is not null) lines.Add("session log: " + logPath);
        if (savedPath is not null) lines.Add("saved transcript: " + savedPath);
        return lines;
    }
}
