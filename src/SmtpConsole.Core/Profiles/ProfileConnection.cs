using SmtpConsole.Core.Session;

namespace SmtpConsole.Core.Profiles;

/// <summary>Turns a profile into connection options, on top of the run's defaults (timeouts and trust from the command line).</summary>
public static class ProfileConnection
{
    /// <summary>
    /// The options for a non-builtin profile, with <c>${variables}</c> expanded by <paramref name="resolve"/>.
    /// Returns null with <paramref name="error"/> when a variable is missing or the profile has no host/port.
    /// </summary>
    public static ConnectOptions? ToConnectOptions(ConnectionProfile profile, ConnectOptions defaults, Func<string, string?> resolve, out string? error) =>
        ToConnectOptions(profile, defaults, resolve, out error, out _);

    /// <summary>As the overload without it, and <c>missingVariable</c>: the variable that had no value, when that was the failure: the front end words how to give one.</summary>
    public static ConnectOptions? ToConnectOptions(ConnectionProfile profile, ConnectOptions defaults, Func<string, string?> resolve, out string? error, out string? missingVariable)
    {
        if (!ProfileVariables.TryApply(profile, resolve, out var expanded, out error, out missingVariable)) return null;
        if (expanded.Host is null || expanded.Port is null)
        {
            error = $"profile '{profile.Name}' has no host or port" + (profile.IsBuiltin ? " (it is built in and started on demand)" : string.Empty);
            return null;
        }
        var tlsMin = expanded.Tls.MinVersion switch
        {
            null => defaults.MinimumTlsVersion,
            var v => SmtpSession.ParseTlsVersion($"{v.Major}.{v.Minor}"),
        };
        error = null;
        return defaults with
        {
            Host = expanded.Host,
            Port = expanded.Port.Value,
            Security = expanded.Security,
            EhloName = expanded.EhloName ?? defaults.EhloName,
            CaFile = defaults.CaFile ?? (expanded.Tls.CaFile is { } ca ? Path.GetFullPath(ca) : null),
            Insecure = defaults.Insecure || expanded.Tls.Insecure,
            MinimumTlsVersion = tlsMin,
            TlsServerName = expanded.Tls.ServerName ?? defaults.TlsServerName,
            ConnectTimeout = expanded.Timeouts.Connect ?? defaults.ConnectTimeout,
            ReplyTimeout = expanded.Timeouts.Command ?? defaults.ReplyTimeout,
            // --proxy on the command line wins over the profile's, like --cafile.
            Proxy = defaults.Proxy ?? (expanded.Proxy is { } proxy && Uri.TryCreate(proxy, UriKind.Absolute, out var proxyUri) ? proxyUri : null),
            Label = profile.Name,
            Profile = expanded,
        };
    }
}
