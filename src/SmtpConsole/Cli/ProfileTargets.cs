using System.CommandLine;
using SmtpConsole.Core.Session;

namespace SmtpConsole.Cli;

/// <summary>Turns the command line (host flags or --profile) into the connection target.</summary>
internal static class ProfileTargets
{
    /// <summary>The target from --profile or host/port flags (positional host/port win over --host/--port); null when none given.</summary>
    public static ConnectOptions? Resolve(ConnectionArguments arguments, ParseResult result, string? host, int? port, ConnectOptions defaults)
    {
        _ = defaults;
        if (result.GetValue(arguments.Profile) is { } profile)
            throw new UsageException($"--profile {profile}: profiles are not available in this build");
        return arguments.Target(result, host, port);
    }

    /// <summary>The target plus the profile it came from (for user, mechanisms, provider rules); null when none given.</summary>
    public static (ConnectOptions Target, ResolvedProfile? Profile)? ResolveWithProfile(ConnectionArguments arguments, ParseResult result, string? host, int? port, ConnectOptions defaults)
    {
        var target = Resolve(arguments, result, host, port, defaults);
        return target is null ? null : (target, null);
    }

    /// <summary>Connection options for a profile name (for /connect PROFILE), or null.</summary>
    public static ConnectOptions? ByName(string name, string? profileFile, ConnectOptions defaults)
    {
        _ = (name, profileFile, defaults);
        return null;
    }
}
