using SmtpConsole.Core.Messages;
using SmtpConsole.Core.Session;

namespace SmtpConsole.Core.Profiles;

/// <summary>
/// A named, fully merged connection profile: where to connect, how to secure it, how to authenticate,
/// and the provider's rules and advice. Produced by <see cref="ProfileCatalog"/>; immutable.
/// </summary>
public sealed record ConnectionProfile
{
    /// <summary>Profile name as written in the profile file (lookup is case-insensitive).</summary>
    public required string Name { get; init; }

    /// <summary>One-line description for listings.</summary>
    public string? Description { get; init; }

    /// <summary>Provider id such as <c>gmail</c>, <c>microsoft365</c>, <c>qq</c>, <c>163</c>; the diagnosis knowledge base keys off it.</summary>
    public string? Provider { get; init; }

    /// <summary>
    /// Host name or IP address; may contain <c>${variable}</c> references (see <see cref="ProfileVariables"/>).
    /// <see langword="null"/> only for built-in profiles, whose host is chosen at run time.
    /// </summary>
    public string? Host { get; init; }

    /// <summary>TCP port; <see langword="null"/> only for built-in profiles.</summary>
    public int? Port { get; init; }

    /// <summary>How the connection is secured.</summary>
    public SecurityMode Security { get; init; }

    /// <summary>SASL mechanisms in order of preference, upper-case (e.g. <c>XOAUTH2</c>, <c>PLAIN</c>).</summary>
    public IReadOnlyList<string> AuthMechanisms { get; init; } = [];

    /// <summary>Login name, if the profile fixes one (e.g. SendGrid's literal <c>apikey</c>).</summary>
    public string? User { get; init; }

    /// <summary>Where the password comes from.</summary>
    public ProfileSecretSource Secret { get; init; } = ProfileSecretSource.None;

    /// <summary>Name to send in EHLO instead of the machine name.</summary>
    public string? EhloName { get; init; }

    /// <summary>Connect and command timeouts.</summary>
    public ProfileTimeouts Timeouts { get; init; } = ProfileTimeouts.None;

    /// <summary>Certificate and TLS version policy.</summary>
    public ProfileTlsPolicy Tls { get; init; } = ProfileTlsPolicy.Default;

    /// <summary>The provider rejects mail whose From (and MAIL FROM) differs from the login.</summary>
    public bool FromMustEqualLogin { get; init; }

    /// <summary>Advice shown when connecting and when something fails.</summary>
    public ProfileNotes Notes { get; init; } = ProfileNotes.Empty;

    /// <summary>The description and notes in Chinese, when the profile carries them (its <c>"zh-CN"</c> block).</summary>
    public ProfileTranslation? Chinese { get; init; }

    /// <summary>The description in <paramref name="language"/>, else in English.</summary>
    public string? DescriptionIn(UiLanguage language) =>
        (language == UiLanguage.SimplifiedChinese ? Chinese?.Description : null) ?? Description;

    /// <summary>The notes in <paramref name="language"/>; a list the translation leaves out is the English one.</summary>
    public ProfileNotes NotesIn(UiLanguage language) => language == UiLanguage.SimplifiedChinese && Chinese is { } zh
        ? new ProfileNotes(zh.Notes.Connect.Count > 0 ? zh.Notes.Connect : Notes.Connect, zh.Notes.Failure.Count > 0 ? zh.Notes.Failure : Notes.Failure)
        : Notes;

    /// <summary>The provider's documentation for SMTP clients.</summary>
    public string? Docs { get; init; }

    /// <summary>Citations for host, port and security (URLs, with remarks where something could not be confirmed).</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <summary>Proxy URL (e.g. <c>socks5://127.0.0.1:1080</c>) to reach the server through, if any.</summary>
    public string? Proxy { get; init; }

    /// <summary>The interface language this profile pins (<c>zh-CN</c>, <c>en</c>), below <c>--lang</c> and <c>SMTPCONSOLE_LANG</c>.</summary>
    public string? Language { get; init; }

    /// <summary>Variables the profile uses in <c>${name}</c> form, with a description of each (name is case-insensitive).</summary>
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>();

    /// <summary>Built-in target filled in at run time; only <c>practice</c> (the bundled practice server) exists.</summary>
    public string? Builtin { get; init; }

    /// <summary>True for profiles whose host and port are supplied at run time.</summary>
    public bool IsBuiltin => Builtin is not null;
}
