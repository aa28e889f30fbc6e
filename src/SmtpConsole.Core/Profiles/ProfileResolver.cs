using System.Globalization;
using Microsoft.Extensions.Configuration;
using SmtpConsole.Core.Session;
using SmtpConsole.Core.Messages;

namespace SmtpConsole.Core.Profiles;

/// <summary>
/// Merges one profile across the layers and validates the result. Scalars follow normal configuration
/// precedence (the highest layer that sets a key wins). Lists and the <c>secret</c> object are taken whole
/// from the highest layer that sets any part of them, because merging arrays by index would leave stale
/// elements from lower layers behind (a user's ["PLAIN"] over ["XOAUTH2","PLAIN","LOGIN"] must not become
/// ["PLAIN","PLAIN","LOGIN"]).
/// </summary>
internal sealed class ProfileResolver(IReadOnlyList<ProfileLayerSource> layers, IConfiguration configuration)
{
    public IReadOnlyList<ProfileLayerSource> Layers { get; } = layers;

    public static string PathOf(string profile, string field = "") =>
        field.Length == 0 ? "profiles:" + profile : "profiles:" + profile + ":" + field;

    /// <summary>The highest layer with a non-empty value at <paramref name="path"/>.</summary>
    public ProfileLayerSource? FindScalarLayer(string path)
    {
        for (var index = Layers.Count - 1; index >= 0; index--)
        {
            if (Layers[index].TryGetValue(path, out _))
                return Layers[index];
        }

        return null;
    }

    /// <summary>The highest layer that sets <paramref name="path"/> or anything below it.</summary>
    public ProfileLayerSource? FindUnitLayer(string path)
    {
        for (var index = Layers.Count - 1; index >= 0; index--)
        {
            if (Layers[index].Defines(path))
                return Layers[index];
        }

        return null;
    }

    /// <summary>Layers that contribute to profile <paramref name="name"/>, lowest first.</summary>
    public IReadOnlyList<ProfileLayerSource> DefiningLayers(string name) =>
        Layers.Where(layer => layer.Defines(PathOf(name))).ToList();

    /// <summary>A list field, taken whole from one layer.</summary>
    public IReadOnlyList<string> ReadList(string path)
    {
        var layer = FindUnitLayer(path);
        if (layer is null)
            return [];

        if (layer.TryGetValue(path, out var scalar))
        {
            return layer.Layer == ProfileLayer.Environment
                ? scalar.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : [];
        }

        var items = new List<(int Index, string Value)>();
        foreach (var key in layer.ChildKeys(path))
        {
            if (int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                && layer.TryGetValue(path + ":" + key, out var value)
                && !string.IsNullOrWhiteSpace(value))
                items.Add((index, value.Trim()));
        }

        return items.OrderBy(item => item.Index).Select(item => item.Value).ToList();
    }

    /// <summary>The <c>secret</c> object, taken whole from one layer; <see langword="null"/> values when it is a refused literal.</summary>
    public (ProfileLayerSource? Layer, string? Environment, string? Prompt, bool IsLiteral) ReadSecret(string profile)
    {
        var path = PathOf(profile, "secret");
        var layer = FindUnitLayer(path);
        if (layer is null)
            return (null, null, null, false);
        if (layer.TryGetValue(path, out _))
            return (layer, null, null, true);
        layer.TryGetValue(path + ":env", out var environment);
        layer.TryGetValue(path + ":prompt", out var prompt);
        return (layer, environment, prompt, false);
    }

    public ProfileResolution Resolve(string name)
    {
        var validation = new ProfileValidation(this, name);
        var settings = Bind(name, validation);

        var builtin = ProfileValueParsers.Clean(settings.Builtin);
        if (builtin is not null && !string.Equals(builtin, "practice", StringComparison.OrdinalIgnoreCase))
            validation.Error("builtin", ProfileErrorMessages.UnknownBuiltin(name, builtin));

        var host = ProfileValueParsers.Clean(settings.Host);
        if (host is null)
        {
            if (builtin is null)
                validation.Error("host", ProfileErrorMessages.NoHost(name));
        }
        else if (!ProfileValueParsers.TryValidateHost(host, out var hostProblem))
        {
            validation.Error("host", ProfileErrorMessages.BadHost(name, host, hostProblem));
        }

        int? port = null;
        var rawPort = ProfileValueParsers.Clean(settings.Port);
        if (rawPort is null)
        {
            if (builtin is null)
                validation.Error("port", ProfileErrorMessages.NoPort(name));
        }
        else if (ProfileValueParsers.TryParsePort(rawPort, out var parsedPort))
        {
            port = parsedPort;
        }
        else
        {
            validation.Error("port", ProfileErrorMessages.BadPort(name, rawPort));
        }

        var security = ParseSecurity(name, settings.Security, validation);
        var mechanisms = ParseMechanisms(name, validation);
        var secret = ParseSecret(name, validation);

        var ehloName = ProfileValueParsers.Clean(settings.EhloName);
        if (ehloName is not null && ehloName.Any(char.IsWhiteSpace))
            validation.Error("ehloName", ProfileErrorMessages.EhloNameHasSpaces(name, ehloName));

        var fromMustEqualLogin = ParseBoolean(name, "fromMustEqualLogin", settings.FromMustEqualLogin, validation);
        var tls = ParseTls(name, settings.Tls, validation);
        var timeouts = new ProfileTimeouts(
            ParseSeconds(name, "timeouts:connectSeconds", settings.Timeouts?.ConnectSeconds, validation),
            ParseSeconds(name, "timeouts:commandSeconds", settings.Timeouts?.CommandSeconds, validation));

        var proxy = ProfileValueParsers.Clean(settings.Proxy);
        if (proxy is not null && ProfileValueParsers.HasLiteralProxyPassword(proxy))
            validation.Error("proxy", ProfileErrorMessages.ProxyHasPassword(name));
        else if (proxy is not null && !proxy.Contains("${", StringComparison.Ordinal) && !ProfileValueParsers.IsValidProxy(proxy))
            validation.Error("proxy", ProfileErrorMessages.BadProxy(name, ProfileValueParsers.WithoutUserInfo(proxy)));

        var language = ProfileValueParsers.Clean(settings.Language);
        if (language is not null && !Messages.UiLanguageResolver.TryParse(language, out _))
            validation.Error("language", ProfileErrorMessages.UnknownLanguage(name, language, string.Join(" or ", Messages.UiLanguageResolver.Names)));

        var docs = ProfileValueParsers.Clean(settings.Docs);
        if (docs is not null && !ProfileValueParsers.IsWebAddress(docs))
            validation.Warning("docs", ProfileErrorMessages.DocsNotHttp(name, docs));

        var variables = ParseVariables(name, settings.Variables, validation);
        CheckVariableReferences(name, variables, validation,
            ("host", host), ("user", settings.User), ("ehloName", ehloName), ("proxy", proxy),
            ("tls:caFile", tls.CaFile), ("tls:serverName", tls.ServerName));

        if (validation.HasErrors)
            return new ProfileResolution(null, validation.Diagnostics);

        var profile = new ConnectionProfile
        {
            Name = name,
            Description = ProfileValueParsers.Clean(settings.Description),
            Provider = ProfileValueParsers.Clean(settings.Provider),
            Builtin = builtin?.ToLowerInvariant(),
            Host = host,
            Port = port,
            Security = security,
            AuthMechanisms = mechanisms,
            User = ProfileValueParsers.Clean(settings.User),
            Secret = secret,
            EhloName = ehloName,
            Timeouts = timeouts,
            Tls = tls,
            FromMustEqualLogin = fromMustEqualLogin,
            Notes = new ProfileNotes(ReadList(PathOf(name, "notes:connect")), ReadList(PathOf(name, "notes:failure"))),
            Chinese = ReadTranslation(name, ProfileSchema.ChineseKey),
            Docs = docs,
            Sources = ReadList(PathOf(name, "sources")),
            Proxy = proxy,
            Variables = variables,
            Language = language,
        };
        return new ProfileResolution(profile, validation.Diagnostics);
    }

    /// <summary>
    /// The translated text of a scalar field (e.g. <c>description</c>), or null when there is none or it is stale: a
    /// translation counts only when it comes from the same layer as the English it translates, or a higher one, so a
    /// user's own description is never hidden behind the shipped file's translation of the old one.
    /// </summary>
    public string? TranslatedValue(string profile, string language, string field)
    {
        var path = PathOf(profile, language + ":" + field);
        var layer = FindScalarLayer(path);
        if (layer is null || !layer.TryGetValue(path, out var value) || string.IsNullOrWhiteSpace(value)) return null;
        var english = FindScalarLayer(PathOf(profile, field));
        return english is null || Rank(layer) >= Rank(english) ? value.Trim() : null;
    }

    /// <summary>The translated list field (e.g. <c>notes:connect</c>), empty when there is none or it is stale (see <see cref="TranslatedValue"/>).</summary>
    public IReadOnlyList<string> TranslatedList(string profile, string language, string field)
    {
        var path = PathOf(profile, language + ":" + field);
        var layer = FindUnitLayer(path);
        if (layer is null) return [];
        var english = FindUnitLayer(PathOf(profile, field));
        return english is null || Rank(layer) >= Rank(english) ? ReadList(path) : [];
    }

    private int Rank(ProfileLayerSource layer)
    {
        for (var index = 0; index < Layers.Count; index++)
        {
            if (ReferenceEquals(Layers[index], layer)) return index;
        }
        return -1;
    }

    private ProfileTranslation? ReadTranslation(string name, string language)
    {
        var description = TranslatedValue(name, language, "description");
        var notes = new ProfileNotes(TranslatedList(name, language, "notes:connect"), TranslatedList(name, language, "notes:failure"));
        return description is null && notes.Connect.Count == 0 && notes.Failure.Count == 0 ? null : new ProfileTranslation(description, notes);
    }

    private ProfileSettings Bind(string name, ProfileValidation validation)
    {
        try
        {
            // Bound through the configuration binder's source generator, so this stays trimming- and AOT-safe.
            return configuration.GetSection(PathOf(name)).Get<ProfileSettings>() ?? new ProfileSettings();
        }
        catch (InvalidOperationException exception)
        {
            validation.Error(string.Empty, ProfileErrorMessages.Unreadable(name, exception.Message));
            return new ProfileSettings();
        }
    }

    private static SecurityMode ParseSecurity(string name, string? raw, ProfileValidation validation)
    {
        var security = ProfileValueParsers.Clean(raw);
        if (security is null)
        {
            validation.Error("security", ProfileErrorMessages.NoSecurity(name));
            return SecurityMode.Plain;
        }

        if (!ProfileValueParsers.TryParseSecurity(security, out var mode, out var alias))
        {
            var suggestion = ProfileNameSuggester.Suggest(security, ProfileValueParsers.SecurityNames, 1);
            var hint = suggestion.Count > 0 ? ProfileErrorMessages.DidYouMean(suggestion[0]) : string.Empty;
            validation.Error("security", ProfileErrorMessages.BadSecurity(name, security, hint));
            return SecurityMode.Plain;
        }

        if (alias is not null)
        {
            validation.Warning("security",
                ProfileErrorMessages.SecurityAlias(name, alias, ProfileValueParsers.FormatSecurity(mode)));
        }

        return mode;
    }

    private List<string> ParseMechanisms(string name, ProfileValidation validation)
    {
        var mechanisms = new List<string>();
        foreach (var raw in ReadList(PathOf(name, "authMechanisms")))
        {
            var mechanism = raw.ToUpperInvariant();
            if (!ProfileValueParsers.IsValidMechanismName(mechanism))
            {
                validation.Error("authMechanisms", ProfileErrorMessages.BadMechanismName(name, raw));
                continue;
            }

            if (!ProfileValueParsers.KnownMechanisms.Contains(mechanism))
            {
                var suggestion = ProfileNameSuggester.Suggest(mechanism, ProfileValueParsers.KnownMechanisms, 1);
                var hint = suggestion.Count > 0 ? ProfileErrorMessages.MechanismDidYouMean(suggestion[0]) : string.Empty;
                validation.Warning("authMechanisms", ProfileErrorMessages.UnknownMechanism(name, mechanism, hint));
            }

            if (!mechanisms.Contains(mechanism))
                mechanisms.Add(mechanism);
        }

        return mechanisms;
    }

    private ProfileSecretSource ParseSecret(string name, ProfileValidation validation)
    {
        var (layer, environment, prompt, isLiteral) = ReadSecret(name);
        if (layer is null || isLiteral)
            return ProfileSecretSource.None; // A literal secret was already reported as an error by the structure check.

        string? variable = null;
        if (environment is not null)
        {
            variable = environment.Trim();
            if (!ProfileValueParsers.IsValidEnvironmentVariableName(variable))
            {
                validation.Error("secret:env",
                    ProfileErrorMessages.BadSecretEnv(name));
                variable = null;
            }
        }

        var shouldPrompt = false;
        if (prompt is not null && !ProfileValueParsers.TryParseBoolean(prompt, out shouldPrompt))
            validation.Error("secret:prompt", ProfileErrorMessages.BadSecretPrompt(name, prompt));

        return variable is null && !shouldPrompt ? ProfileSecretSource.None : new ProfileSecretSource(variable, shouldPrompt);
    }

    private static ProfileTlsPolicy ParseTls(string name, ProfileTlsSettings? settings, ProfileValidation validation)
    {
        if (settings is null)
            return ProfileTlsPolicy.Default;

        var insecure = ParseBoolean(name, "tls:insecure", settings.Insecure, validation);
        Version? minVersion = null;
        var rawVersion = ProfileValueParsers.Clean(settings.MinVersion);
        if (rawVersion is not null)
        {
            if (ProfileValueParsers.TryParseTlsVersion(rawVersion, out var version))
                minVersion = version;
            else
                validation.Error("tls:minVersion", ProfileErrorMessages.BadTlsMinVersion(name, rawVersion));
        }

        var serverName = ProfileValueParsers.Clean(settings.ServerName);
        if (serverName is not null && serverName.Any(char.IsWhiteSpace))
            validation.Error("tls:serverName", ProfileErrorMessages.ServerNameHasSpaces(name, serverName));

        return new ProfileTlsPolicy(ProfileValueParsers.Clean(settings.CaFile), insecure, minVersion, serverName);
    }

    private static bool ParseBoolean(string name, string field, string? raw, ProfileValidation validation) =>
        ParseField<bool>(name, field, raw, validation, ProfileValueParsers.TryParseBoolean, value => ProfileErrorMessages.NotBoolean(value)) ?? false;

    private static TimeSpan? ParseSeconds(string name, string field, string? raw, ProfileValidation validation) =>
        ParseField<TimeSpan>(name, field, raw, validation, ProfileValueParsers.TryParseSeconds, value => ProfileErrorMessages.NotSeconds(value));

    private delegate bool TryParser<T>(string text, out T value);

    /// <summary>A text field parsed after binding: null when absent or blank; a value that does not parse is an error naming the field.</summary>
    private static T? ParseField<T>(string name, string field, string? raw, ProfileValidation validation, TryParser<T> tryParse, Func<string, string> problem)
        where T : struct
    {
        var value = ProfileValueParsers.Clean(raw);
        if (value is null)
            return null;
        if (tryParse(value, out var parsed))
            return parsed;
        validation.Error(field, ProfileErrorMessages.BadField(name, field.Replace(':', '.'), problem(value)));
        return null;
    }

    private static Dictionary<string, string> ParseVariables(string name, Dictionary<string, string>? raw, ProfileValidation validation)
    {
        var variables = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, description) in raw ?? [])
        {
            var variable = key.Trim();
            if (!ProfileValueParsers.IsValidVariableName(variable))
            {
                validation.Error("variables:" + key, ProfileErrorMessages.BadVariableName(name, key));
                continue;
            }

            variables[variable] = description?.Trim() ?? string.Empty;
        }

        return variables;
    }

    private static void CheckVariableReferences(
        string name,
        Dictionary<string, string> variables,
        ProfileValidation validation,
        params (string Field, string? Value)[] fields)
    {
        foreach (var (field, value) in fields)
        {
            if (value is null || !value.Contains('$', StringComparison.Ordinal))
                continue;

            // Resolving every name to a dummy checks the syntax without needing real values.
            var syntax = ProfileVariables.Expand(value, _ => "x");
            if (!syntax.Succeeded)
            {
                validation.Error(field, ProfileErrorMessages.FieldSyntax(name, field.Replace(':', '.'), syntax.Error));
                continue;
            }

            foreach (var variable in ProfileVariables.FindReferences(value).Where(variable => !variables.ContainsKey(variable)))
            {
                validation.Warning(field,
                    ProfileErrorMessages.UndeclaredVariable(name, field.Replace(':', '.'), variable));
            }
        }
    }
}
