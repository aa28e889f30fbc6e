namespace SmtpConsole.Core.Profiles;

/// <summary>
/// Applies command-line flags to a profile with the same checks as profile files, so a bad flag is reported
/// and skipped instead of producing a profile that fails later in a confusing way.
/// </summary>
internal static class ProfileOverrides
{
    public static string DisplayField(string fieldPath) => fieldPath switch
    {
        "secret:env" or "secret:prompt" => "secret",
        _ => fieldPath.Replace(':', '.'),
    };

    public static string? DisplayValue(string fieldPath, string? value) => fieldPath switch
    {
        "secret:env" => value is null ? null : $"env {value}",
        "secret:prompt" => "prompt",
        "tls:insecure" when value is null => "true",
        _ => value,
    };

    public static ConnectionProfile Apply(
        ConnectionProfile profile,
        IReadOnlyDictionary<string, string?> overrides,
        string? profileName,
        out IReadOnlyList<ProfileDiagnostic> problems)
    {
        var found = new List<ProfileDiagnostic>();
        var result = profile;
        foreach (var (key, rawValue) in overrides)
        {
            void Problem(string message) =>
                found.Add(new ProfileDiagnostic(ProfileDiagnosticSeverity.Error, $"command-line {key}: {message}", Profile: profileName));

            // Every field the same way: a value that fails its check is reported and ignored, one that passes is applied.
            bool Valid(bool ok, string problem)
            {
                if (!ok) Problem(problem + "; ignored");
                return ok;
            }

            bool? Flag(string? text) => Valid(TryParseFlag(text, out var flag), $"'{text}' must be true or false") ? flag : null;

            TimeSpan? Seconds(string text) =>
                Valid(ProfileValueParsers.TryParseSeconds(text, out var seconds), $"'{text}' is not a number of seconds between 0 and 86400") ? seconds : null;

            string? OneWord(string what, string text) => Valid(!text.Any(char.IsWhiteSpace), $"{what} '{text}' must not contain spaces") ? text : null;

            if (!ProfileOverrideKeys.TryGetField(key, out var field))
            {
                if (ProfileSchema.IsSecretLikeKey(key))
                {
                    Problem("passwords are not accepted as flags (they end up in shell history and process lists); " +
                        "use --secret-env VARIABLE_NAME or --prompt");
                    continue;
                }

                var suggestion = ProfileNameSuggester.Suggest(key.TrimStart('-'), ProfileOverrideKeys.PreferredNames, 1);
                Problem(suggestion.Count > 0 ? $"unknown setting; did you mean '{suggestion[0]}'?" : "unknown setting");
                continue;
            }

            var value = rawValue?.Trim();
            var isFlag = field is "tls:insecure" or "secret:prompt";
            if (string.IsNullOrEmpty(value) && !isFlag && field is not "user")
            {
                Problem("needs a value");
                continue;
            }

            switch (field)
            {
                case "host":
                    if (Valid(ProfileValueParsers.TryValidateHost(value!, out var hostProblem), $"host '{value}' {hostProblem}"))
                        result = result with { Host = value };
                    break;
                case "port":
                    if (Valid(ProfileValueParsers.TryParsePort(value!, out var port), $"port '{value}' is not a number between 1 and 65535"))
                        result = result with { Port = port };
                    break;
                case "security":
                    if (Valid(ProfileValueParsers.TryParseSecurity(value!, out var security, out _), $"security '{value}' is not one of plain, starttls, tls"))
                        result = result with { Security = security };
                    break;
                case "user":
                    result = result with { User = string.IsNullOrEmpty(value) ? null : value };
                    break;
                case "ehloName":
                    if (OneWord("EHLO name", value!) is { } ehloName) result = result with { EhloName = ehloName };
                    break;
                case "authMechanisms":
                    var mechanisms = value!.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries)
                        .Select(mechanism => mechanism.ToUpperInvariant()).Distinct().ToList();
                    if (Valid(mechanisms.All(ProfileValueParsers.IsValidMechanismName), $"'{value}' is not a comma-separated list of SASL mechanism names"))
                        result = result with { AuthMechanisms = mechanisms };
                    break;
                case "secret:env":
                    if (Valid(ProfileValueParsers.IsValidEnvironmentVariableName(value!), "must name an environment variable (letters, digits and '_')"))
                        result = result with { Secret = result.Secret with { EnvironmentVariable = value } };
                    break;
                case "secret:prompt":
                    if (Flag(value) is { } prompt) result = result with { Secret = result.Secret with { Prompt = prompt } };
                    break;
                case "tls:caFile":
                    result = result with { Tls = result.Tls with { CaFile = value } };
                    break;
                case "tls:insecure":
                    if (Flag(value) is { } insecure) result = result with { Tls = result.Tls with { Insecure = insecure } };
                    break;
                case "tls:minVersion":
                    if (Valid(ProfileValueParsers.TryParseTlsVersion(value!, out var version), $"'{value}' is not one of 1.0, 1.1, 1.2, 1.3"))
                        result = result with { Tls = result.Tls with { MinVersion = version } };
                    break;
                case "tls:serverName":
                    if (OneWord("server name", value!) is { } serverName) result = result with { Tls = result.Tls with { ServerName = serverName } };
                    break;
                case "proxy":
                    if (Valid(ProfileValueParsers.IsValidProxy(value!), $"'{ProfileValueParsers.WithoutUserInfo(value!)}' is not a proxy URL like socks5://127.0.0.1:1080"))
                        result = result with { Proxy = value };
                    break;
                case "timeouts:connectSeconds":
                    if (Seconds(value!) is { } connect) result = result with { Timeouts = result.Timeouts with { Connect = connect } };
                    break;
                case "timeouts:commandSeconds":
                    if (Seconds(value!) is { } command) result = result with { Timeouts = result.Timeouts with { Command = command } };
                    break;
            }
        }

        problems = found;
        return result;
    }

    // A flag given without a value (--insecure) means true.
    private static bool TryParseFlag(string? value, out bool flag)
    {
        if (string.IsNullOrEmpty(value))
        {
            flag = true;
            return true;
        }

        return ProfileValueParsers.TryParseBoolean(value, out flag);
    }
}
