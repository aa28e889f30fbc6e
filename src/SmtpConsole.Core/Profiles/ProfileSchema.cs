namespace SmtpConsole.Core.Profiles;

/// <summary>The keys a profile may contain, used to flag typos and misplaced secrets.</summary>
internal static class ProfileSchema
{
    /// <summary>Keys allowed at the top of a profile file besides <c>profiles</c>.</summary>
    public static IReadOnlyList<string> TopLevelKeys { get; } = ["profiles", "$schema"];

    /// <summary>The fields of one profile, in the order <c>profiles show</c> lists them.</summary>
    public static IReadOnlyList<ProfileSchemaField> ProfileFields { get; } =
    [
        Scalar("description"),
        Scalar("provider"),
        Scalar("builtin"),
        Scalar("host"),
        Scalar("port"),
        Scalar("security"),
        Scalar("user"),
        new("secret", ProfileFieldKind.Secret, [Scalar("env"), Scalar("prompt")]),
        List("authMechanisms"),
        Scalar("ehloName"),
        Scalar("fromMustEqualLogin"),
        new("tls", ProfileFieldKind.Object, [Scalar("caFile"), Scalar("insecure"), Scalar("minVersion"), Scalar("serverName")]),
        new("timeouts", ProfileFieldKind.Object, [Scalar("connectSeconds"), Scalar("commandSeconds")]),
        Scalar("proxy"),
        Scalar("language"),
        new("variables", ProfileFieldKind.Map, []),
        new("notes", ProfileFieldKind.Object, [List("connect"), List("failure")]),
        Scalar("docs"),
        List("sources"),
        // The description and notes in Chinese (profiles show --lang zh-CN, the TUI in Chinese); see ProfileTranslation.
        new(ChineseKey, ProfileFieldKind.Object, [Scalar("description"), new("notes", ProfileFieldKind.Object, [List("connect"), List("failure")])]),
    ];

    /// <summary>The key of the Chinese block in a profile: the one translation a profile may carry.</summary>
    public const string ChineseKey = "zh-CN";

    /// <summary>
    /// Whether an unknown key looks like a language tag (<c>fr</c>, <c>zh-TW</c>, <c>zh_CN</c>, <c>en-US</c>): such a
    /// block is a translation this console does not read, which deserves its own message rather than "unknown key".
    /// </summary>
    public static bool LooksLikeLanguage(string key) =>
        System.Text.RegularExpressions.Regex.IsMatch(key, "^(?:[a-zA-Z]{2}|[a-zA-Z]{2,3}[-_][a-zA-Z0-9]{2,8})$");

    // Normalised (lower-case, no '-', '_' or '.') names that mean "this is the password itself".
    private static readonly HashSet<string> SecretLikeNames = new(StringComparer.Ordinal)
    {
        "password", "pass", "passwd", "pwd", "secret", "token", "apikey", "authcode", "authorizationcode",
        "apppassword", "clientsecret", "accesstoken", "refreshtoken", "credential", "credentials",
    };

    public static ProfileSchemaField? Find(IReadOnlyList<ProfileSchemaField> fields, string key)
    {
        foreach (var field in fields)
        {
            if (string.Equals(field.Key, key, StringComparison.OrdinalIgnoreCase))
                return field;
        }

        return null;
    }

    /// <summary>True for keys such as <c>password</c>, <c>pass</c>, <c>smtpPassword</c>, <c>api_key</c>.</summary>
    public static bool IsSecretLikeKey(string key)
    {
        var normalized = Normalize(key);
        return SecretLikeNames.Contains(normalized)
            || normalized.EndsWith("password", StringComparison.Ordinal)
            || normalized.EndsWith("secret", StringComparison.Ordinal)
            || normalized.EndsWith("token", StringComparison.Ordinal);
    }

    /// <summary>Lower-case with <c>-</c>, <c>_</c> and <c>.</c> removed, so <c>ca-file</c>, <c>ca_file</c> and <c>caFile</c> compare equal.</summary>
    public static string Normalize(string key)
    {
        var characters = new List<char>(key.Length);
        foreach (var character in key)
        {
            if (character is not ('-' or '_' or '.'))
                characters.Add(char.ToLowerInvariant(character));
        }

        return new string(characters.ToArray());
    }

    private static ProfileSchemaField Scalar(string key) => new(key, ProfileFieldKind.Scalar, []);

    private static ProfileSchemaField List(string key) => new(key, ProfileFieldKind.List, []);
}
