using System.Globalization;

namespace SmtpConsole.Core.Session;

/// <summary>
/// Bounds on user-supplied connection values, checked where they enter (command line, helpers, profiles) so a bad
/// value is a one-line error instead of an exception deep in the runtime (TimeSpan overflow, DNS name limits).
/// </summary>
public static class ConnectLimits
{
    /// <summary>A day: longer than any sane SMTP timeout, and far inside what timers accept (about 24.8 days).</summary>
    public const double MaxTimeoutSeconds = 86400;

    /// <summary>RFC 1035: a host name is at most 253 characters in text form (255 octets on the wire), labels 63.</summary>
    public const int MaxHostNameLength = 253;

    /// <summary>The largest BDAT chunk the console will buffer.</summary>
    public const int MaxBdatChunk = 64 * 1024 * 1024;

    /// <summary>Why <paramref name="seconds"/> is not a usable timeout; null when it is.</summary>
    /// <param name="seconds">The timeout asked for.</param>
    /// <param name="what">Which timeout, as the caller names it (the command line: its flag).</param>
    public static string? TimeoutProblem(double seconds, string what) =>
        double.IsFinite(seconds) && seconds > 0 && seconds <= MaxTimeoutSeconds
            ? null
            : Messages.SessionMessages.TimeoutOutOfRange(what, MaxTimeoutSeconds.ToString("0", CultureInfo.InvariantCulture));

    /// <summary>Why <paramref name="host"/> cannot be a host name or address literal; null when it can.</summary>
    public static string? HostProblem(string host)
    {
        if (string.IsNullOrWhiteSpace(host)) return Messages.SessionMessages.HostEmpty;
        string literal = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        if (System.Net.IPAddress.TryParse(literal, out _)) return null;
        if (host.Length > MaxHostNameLength)
            return Messages.SessionMessages.HostTooLong(host.Length, MaxHostNameLength);
        if (host.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            return Messages.SessionMessages.HostHasSpace;
        if (host.TrimEnd('.').Split('.').Any(label => label.Length > 63))
            return Messages.SessionMessages.HostLabelTooLong;
        return null;
    }
}
