namespace SmtpConsole.Core.Profiles;

/// <summary>Maps command-line override names (<c>port</c>, <c>ca-file</c>, <c>sni</c>, ...) to profile fields.</summary>
internal static class ProfileOverrideKeys
{
    /// <summary>Names to show when an override is not recognised.</summary>
    public static IReadOnlyList<string> PreferredNames { get; } =
    [
        "host", "port", "security", "user", "ehlo-name", "auth-mechanisms", "secret-env", "prompt",
        "ca-file", "insecure", "tls-min-version", "server-name", "proxy", "connect-timeout", "command-timeout",
    ];

    // Keys are normalised with ProfileSchema.Normalize; values are configuration paths relative to the profile.
    private static readonly Dictionary<string, string> FieldsByName = new(StringComparer.Ordinal)
    {
        ["host"] = "host",
        ["port"] = "port",
        ["security"] = "security",
        ["user"] = "user",
        ["username"] = "user",
        ["login"] = "user",
        ["ehlo"] = "ehloName",
        ["ehloname"] = "ehloName",
        ["helo"] = "ehloName",
        ["auth"] = "authMechanisms",
        ["authmechanisms"] = "authMechanisms",
        ["mechanisms"] = "authMechanisms",
        ["secretenv"] = "secret:env",
        ["passwordenv"] = "secret:env",
        ["prompt"] = "secret:prompt",
        ["secretprompt"] = "secret:prompt",
        ["cafile"] = "tls:caFile",
        ["tlscafile"] = "tls:caFile",
        ["insecure"] = "tls:insecure",
        ["tlsinsecure"] = "tls:insecure",
        ["minversion"] = "tls:minVersion",
        ["tlsminversion"] = "tls:minVersion",
        ["tlsversion"] = "tls:minVersion",
        ["servername"] = "tls:serverName",
        ["tlsservername"] = "tls:serverName",
        ["sni"] = "tls:serverName",
        ["proxy"] = "proxy",
        ["connecttimeout"] = "timeouts:connectSeconds",
        ["connectseconds"] = "timeouts:connectSeconds",
        ["commandtimeout"] = "timeouts:commandSeconds",
        ["commandseconds"] = "timeouts:commandSeconds",
    };

    /// <summary>The profile field (configuration path relative to the profile) an override name sets.</summary>
    public static bool TryGetField(string overrideName, out string fieldPath) =>
        FieldsByName.TryGetValue(ProfileSchema.Normalize(overrideName.TrimStart('-')), out fieldPath!);
}
