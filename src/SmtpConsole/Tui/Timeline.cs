using System.Globalization;
using System.Text;
using SmtpConsole.Core.Messages;
using SmtpConsole.Core.Transcript;

namespace SmtpConsole.Tui;

/// <summary>
/// The session's round trips at a glance (Shift+F9): a sparkline of every reply's latency, then one bar per command
/// scaled to the slowest, so a slow step stands out. Works the same for a replayed script (it reads the transcript).
/// </summary>
internal static class Timeline
{
    private const string Levels = "▁▂▃▄▅▆▇█";

    public readonly record struct Trip(string Command, int Code, double Milliseconds);

    /// <summary>Each reply with the command it answers (the last line sent before it) and its latency.</summary>
    public static List<Trip> Trips(IEnumerable<TranscriptEvent> events)
    {
        var trips = new List<Trip>();
        string command = "(greeting)";
        foreach (var e in events)
        {
            if (e.Kind == TranscriptEventKind.Send) command = e.Text;
            else if (e.Kind == TranscriptEventKind.Connect) command = "(greeting)";
            else if (e.Kind == TranscriptEventKind.Reply && e.Reply is { } reply)
            {
                trips.Add(new Trip(command, reply.Code, e.ElapsedMs));
                command = "(continued)";
            }
        }
        return trips;
    }

    /// <summary>One character per trip, its height the latency relative to the slowest; the newest trips when there are more than <paramref name="width"/>.</summary>
    public static string Sparkline(IReadOnlyList<Trip> trips, int width)
    {
        if (trips.Count == 0 || width <= 0) return string.Empty;
        var shown = trips.Skip(Math.Max(0, trips.Count - width)).ToList();
        double max = Math.Max(0.001, shown.Max(t => t.Milliseconds));
        var line = new StringBuilder(shown.Count);
        foreach (var trip in shown) line.Append(Levels[(int)Math.Round(trip.Milliseconds / max * (Levels.Length - 1))]);
        return line.ToString();
    }

    public static IReadOnlyList<StyledLine> Lines(IEnumerable<TranscriptEvent> events, int width, UiLanguage language = UiLanguage.English)
    {
        var trips = Trips(events);
        if (trips.Count == 0) return [new StyledLine(language.Say("Timeline.Empty"))];
        double max = trips.Max(t => t.Milliseconds);
        double total = trips.Sum(t => t.Milliseconds);
        int slowest = trips.FindIndex(t => t.Milliseconds == max);
        var lines = new List<StyledLine>
        {
            new($"{trips.Count} round trips · total {Ms(total)} · median {Ms(Median(trips))} · slowest {Ms(max)} ({Short(trips[slowest].Command, 40)})", TextEmphasis.Heading),
            new(Sparkline(trips, Math.Max(10, width - 2)), TextEmphasis.Code),
            new(string.Empty),
        };
        int barWidth = Math.Clamp(width - 60, 10, 40);
        for (int i = 0; i < trips.Count; i++)
        {
            var trip = trips[i];
            int filled = max <= 0 ? 0 : (int)Math.Round(trip.Milliseconds / max * barWidth);
            string bar = new string('█', filled) + new string('·', barWidth - filled);
            string mark = i == slowest ? "  ◀ slowest" : string.Empty;
            lines.Add(new StyledLine($"{Ms(trip.Milliseconds),10} {bar} {trip.Code} {Short(trip.Command, 60)}{mark}", i == slowest ? TextEmphasis.Code : TextEmphasis.Normal));
        }
        return lines;
    }

    private static double Median(List<Trip> trips)
    {
        var sorted = trips.Select(t => t.Milliseconds).Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Ms(double ms) => ms.ToString(ms < 100 ? "0.0" : "0", CultureInfo.InvariantCulture) + " ms";

    private static string Short(string text, int columns) => TextColumns.Cut(text.Replace('\n', ' '), columns);
}
