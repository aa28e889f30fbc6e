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
    public static string? TimeoutProblem(double seconds, string what = "--timeout") =>
        double.IsFinite(seconds) && seconds > 0 && seconds <= MaxTimeoutSeconds
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"{what} must be a number of seconds greater than 0 and at most {MaxTimeoutSeconds:0} (one day)");

    /// <summary>Why <paramref name="host"/> cannot be a host name or address literal; null when it can.</summary>
    public static string? HostProblem(string host)
    {
        if (string.IsNullOrWhiteSpace(host)) return "the host name is empty";
        string literal = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        if (System.Net.IPAddress.TryParse(literal, out _)) return null;
        if (host.Length > MaxHostNameLength)
            return string.Create(CultureInfo.InvariantCulture, $"the host name is {host.Length} characters long; DNS allows at most {MaxHostNameLength}");
        if (host.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            return "the host name contains a space or a control character";
        if (host.TrimEnd('.').Split('.').Any(label => label.Length > 63))
            return "a part of the host name between dots is longer than 63 characters (DNS allows at most 63)";
        return null;
    }
}
