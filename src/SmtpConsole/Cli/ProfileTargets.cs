using System.CommandLine;
using SmtpConsole.Core.Profiles;
using SmtpConsole.Core.Session;

namespace SmtpConsole.Cli;

/// <summary>Turns the command line (host flags or --profile) into the connection target.</summary>
internal static class ProfileTargets
{
    /// <summary>
    /// The target from --profile or host/port flags (positional host/port win over --host/--port); null when none
    /// was given. Throws <see cref="UsageException"/> for an unknown profile (with the closest names) or a missing variable.
    /// A builtin profile (the practice server) also yields null with <paramref name="builtin"/> set.
    /// </summary>
    public static ConnectOptions? Resolve(ConnectionArguments arguments, ParseResult result, string? host, int? port, ConnectOptions defaults) =>
        Resolve(arguments, result, host, port, defaults, out _);

    /// <param name="variables">The command's <c>--var</c> values for the profile's <c>${variables}</c>; null when the command has no <c>--var</c>.</param>
    public static ConnectOptions? Resolve(ConnectionArguments arguments, ParseResult result, string? host, int? port, ConnectOptions defaults, out string? builtin,
        IReadOnlyDictionary<string, string>? variables = null)
    {
        builtin = null;
        if (result.GetValue(arguments.Profile) is not { } name) return arguments.Target(result, host, port);
        var overrides = new Dictionary<string, string?>();
        if ((host ?? result.GetValue(arguments.Host)) is { } h)
        {
            if (ConnectLimits.HostProblem(h) is { } hostProblem) throw new UsageException(hostProblem);
            overrides["host"] = h;
        }
        if ((port ?? result.GetValue(arguments.Port)) is { } p) overrides["port"] = p.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (arguments.Security(result) is { } security) overrides["security"] = security.ToString().ToLowerInvariant();
        var catalog = LoadCatalog(result.GetValue(arguments.ProfileFile), overrides);
        var profile = Find(catalog, name);
        if (profile.IsBuiltin)
        {
            builtin = profile.Builtin;
            return null;
        }
        return ProfileConnection.ToConnectOptions(profile, defaults, ProfileVariables.CreateResolver(variables ?? new Dictionary<string, string>()), out var error, out var missing)
            ?? throw new UsageException(missing is null ? error!
                : variables is null ? CliLanguage.Format("Cli.Err.ProfileVariableHint", error, ProfileVariables.EnvironmentVariableFor(missing))
                : CliLanguage.Format("Cli.Err.ProfileVariableReplayHint", error, missing, ProfileVariables.EnvironmentVariableFor(missing)));
    }

    /// <summary>The target plus the profile it came from (for user, mechanisms, provider rules); null when none given.</summary>
    public static (ConnectOptions Target, ResolvedProfile? Profile)? ResolveWithProfile(ConnectionArguments arguments, ParseResult result, string? host, int? port, ConnectOptions defaults)
    {
        var target = Resolve(arguments, result, host, port, defaults);
        if (target is null) return null;
        var p = target.Profile;
        return (target, p is null ? null : new ResolvedProfile(p.Name, p.User, p.Secret.EnvironmentVariable, p.AuthMechanisms, p.FromMustEqualLogin, p.Provider));
    }

    /// <summary>Connection options for a profile name (for <c>/connect PROFILE</c>), or null when there is no such profile.</summary>
    public static ConnectOptions? ByName(string name, string? profileFile, ConnectOptions defaults)
    {
        var catalog = LoadCatalog(profileFile, new Dictionary<string, string?>());
        if (!catalog.TryGet(name, out var profile, out _) || profile.IsBuiltin) return null;
        return ProfileConnection.ToConnectOptions(profile, defaults, ProfileVariables.CreateResolver(new Dictionary<string, string>()), out _);
    }

    public static ProfileCatalog LoadCatalog(string? profileFile, IReadOnlyDictionary<string, string?> overrides)
    {
        if (profileFile is not null && !File.Exists(profileFile)) throw new UsageException(CliLanguage.Format("Cli.Err.ProfileFileNotFound", profileFile));
        return ProfileCatalog.Load(ProfileSources.Default(profileFile, overrides));
    }

    private static ConnectionProfile Find(ProfileCatalog catalog, string name)
    {
        if (catalog.TryGet(name, out var profile, out var suggestions)) return profile;
        string problems = string.Join("\n", catalog.DiagnosticsFor(name).Select(d => "  " + d));
        if (catalog.IsInvalid(name)) throw new UsageException(CliLanguage.Format("Cli.Err.ProfileInvalid", name, problems));
        string hint = suggestions.Count > 0 ? CliLanguage.Format("Cli.Err.DidYouMeanSuffix", string.Join(", ", suggestions)) : string.Empty;
        throw new UsageException(CliLanguage.Format("Cli.Err.NoProfileNamed", name, hint));
    }
}
