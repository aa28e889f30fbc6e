using System.CommandLine;
using System.Globalization;
using SmtpConsole.Core.Session;

namespace SmtpConsole.Cli;

/// <summary>The connection flags shared by the TUI, <c>replay</c> and <c>doctor</c>, and how they become <see cref="ConnectOptions"/>.</summary>
internal sealed class ConnectionArguments
{
    public Option<string?> Host { get; } = new("--host") { Description = CliLanguage.Text("Cli.Opt.Host") };
    public Option<int?> Port { get; } = new("--port", "-p") { Description = CliLanguage.Text("Cli.Opt.Port") };
    public Option<bool> Tls { get; } = new("--tls") { Description = CliLanguage.Text("Cli.Opt.Tls") };
    public Option<bool> StartTls { get; } = new("--starttls") { Description = CliLanguage.Text("Cli.Opt.StartTls") };
    public Option<bool> Plain { get; } = new("--plain") { Description = CliLanguage.Text("Cli.Opt.Plain") };
    public Option<string?> CaFile { get; } = new("--cafile") { Description = CliLanguage.Text("Cli.Opt.CaFile") };
    public Option<bool> Insecure { get; } = new("--insecure") { Description = CliLanguage.Text("Cli.Opt.Insecure") };
    public Option<double?> Timeout { get; } = new("--timeout") { Description = CliLanguage.Text("Cli.Opt.Timeout") };
    public Option<string?> TlsMin { get; } = new("--tls-min") { Description = CliLanguage.Text("Cli.Opt.TlsMin") };
    public Option<string?> Profile { get; } = new("--profile") { Description = CliLanguage.Text("Cli.Opt.Profile") };
    public Option<string?> ProfileFile { get; } = new("--profile-file") { Description = CliLanguage.Text("Cli.Opt.ProfileFile") };
    public Option<string?> EhloName { get; } = new("--ehlo-name") { Description = CliLanguage.Text("Cli.Opt.EhloName") };
    public Option<string?> Proxy { get; } = new("--proxy") { Description = CliLanguage.Text("Cli.Opt.Proxy") };

    public void AddTo(Command command, bool includeHost = true)
    {
        if (includeHost) command.Options.Add(Host);
        foreach (Option option in (Option[])[Port, Tls, StartTls, Plain, CaFile, Insecure, Timeout, TlsMin, Profile, ProfileFile, EhloName, Proxy])
            command.Options.Add(option);
    }

    /// <summary>The security mode the flags ask for; null when none was given. Throws on contradictory flags.</summary>
    public SecurityMode? Security(ParseResult result)
    {
        int count = (result.GetValue(Tls) ? 1 : 0) + (result.GetValue(StartTls) ? 1 : 0) + (result.GetValue(Plain) ? 1 : 0);
        if (count > 1) throw new UsageException(CliLanguage.Text("Cli.Err.OneSecurityMode"));
        return result.GetValue(Tls) ? SecurityMode.Tls : result.GetValue(StartTls) ? SecurityMode.StartTls : result.GetValue(Plain) ? SecurityMode.Plain : null;
    }

    /// <summary>Defaults for every connection of the run (timeouts, trust), with a placeholder host.</summary>
    public ConnectOptions Defaults(ParseResult result)
    {
        var options = new ConnectOptions { Host = "localhost", Port = 25 };
        if (result.GetValue(Timeout) is { } seconds)
        {
            if (ConnectLimits.TimeoutProblem(seconds, "--timeout") is { } problem) throw new UsageException(problem);
            options = options with { ReplyTimeout = TimeSpan.FromSeconds(seconds), ConnectTimeout = TimeSpan.FromSeconds(seconds) };
        }
        string? caFile = result.GetValue(CaFile);
        if (caFile is not null && !File.Exists(caFile)) throw new UsageException(CliLanguage.Format("Cli.Err.CaFileNotFound", caFile));
        System.Security.Authentication.SslProtocols? tlsMin;
        try
        {
            tlsMin = SmtpSession.ParseTlsVersion(result.GetValue(TlsMin));
        }
        catch (FormatException ex)
        {
            throw new UsageException(CliLanguage.Format("Cli.Err.TlsMin", ex.Message));
        }
        options = options with { CaFile = caFile is null ? null : Path.GetFullPath(caFile), Insecure = result.GetValue(Insecure), MinimumTlsVersion = tlsMin };
        if (result.GetValue(EhloName) is { } ehlo) options = options with { EhloName = ehlo };
        if (result.GetValue(Proxy) is { } proxy)
        {
            if (!Core.Proxy.ProxyAddress.TryParse(proxy, out _, out string? problem)) throw new UsageException(CliLanguage.Format("Cli.Err.Proxy", problem));
            options = options with { Proxy = new Uri(proxy.Trim()) };
        }
        return options;
    }

    /// <summary>A host and port from the flags (or positional arguments), or null when no host was given.</summary>
    public ConnectOptions? Target(ParseResult result, string? host, int? port)
    {
        var security = Security(result);
        host ??= result.GetValue(Host);
        port ??= result.GetValue(Port);
        if (host is null) return null;
        if (ConnectLimits.HostProblem(host) is { } hostProblem) throw new UsageException(hostProblem);
        if (port is not null and (< 1 or > 65535)) throw new UsageException(CliLanguage.Format("Cli.Err.PortRange", port));
        var mode = security ?? (port == 465 ? SecurityMode.Tls : SecurityMode.Plain);
        return Defaults(result) with { Host = host, Port = port ?? ConnectOptions.DefaultPort(mode), Security = mode };
    }
}
