namespace SmtpConsole.Core.Messages;

/// <summary>
/// Picks the interface language: an explicit choice (<c>--lang</c>), then <c>SMTPCONSOLE_LANG</c>, then a language
/// pinned in the selected profile, then one pinned in the user's config file, then the POSIX locale variables in
/// their order of precedence (<c>LC_ALL</c>, <c>LC_MESSAGES</c>, <c>LANG</c>: the first that is set decides), else English.
/// </summary>
public static class UiLanguageResolver
{
    /// <summary>The environment variable a user sets to pin the language whatever the locale says.</summary>
    public const string PinVariable = "SMTPCONSOLE_LANG";

    /// <summary>The names <c>--lang</c> accepts, for help and error texts.</summary>
    public static IReadOnlyList<string> Names { get; } = ["zh-CN", "en"];

    /// <param name="explicitChoice">The value of <c>--lang</c>, when given (must be a known name).</param>
    /// <param name="pinned">A language pinned by a profile or user configuration, when any (below <c>SMTPCONSOLE_LANG</c>).</param>
    /// <param name="environment">Reads an environment variable (null when unset).</param>
    /// <exception cref="ArgumentException">The explicit choice or the pin names no language this console speaks.</exception>
    public static UiLanguage Resolve(string? explicitChoice, string? pinned, Func<string, string?> environment) =>
        Resolve(explicitChoice, environment, () => pinned is null ? null : new LanguagePin(pinned, "the pinned language"));

    /// <param name="explicitChoice">The value of <c>--lang</c>, when given (must be a known name).</param>
    /// <param name="environment">Reads an environment variable (null when unset).</param>
    /// <param name="pins">
    /// Where a language may be pinned, highest precedence first (the selected profile, then the user's config file);
    /// each is read only when everything above it said nothing, so a profile is not loaded when <c>--lang</c> decides.
    /// </param>
    /// <exception cref="ArgumentException">A choice or pin names no language this console speaks; the message names where it was written.</exception>
    public static UiLanguage Resolve(string? explicitChoice, Func<string, string?> environment, params Func<LanguagePin?>[] pins)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(pins);
        if (Decide(explicitChoice, "--lang") is { } chosen) return chosen;
        if (Decide(environment(PinVariable), PinVariable) is { } fromVariable) return fromVariable;
        foreach (var read in pins)
        {
            if (read() is { } pin && Decide(pin.Value, pin.Source) is { } pinnedLanguage) return pinnedLanguage;
        }
        foreach (string variable in (string[])["LC_ALL", "LC_MESSAGES", "LANG"])
        {
            string? locale = environment(variable);
            if (!string.IsNullOrEmpty(locale)) return FromLocale(locale);
        }
        return UiLanguage.English;
    }

    private static UiLanguage? Decide(string? value, string where)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        return TryParse(value, out var language)
            ? language
            : throw new ArgumentException($"{where}: unknown language \"{value}\" (use {string.Join(" or ", Names)})");
    }

    /// <summary>A language name as given on the command line: <c>zh-CN</c>, <c>zh</c>, <c>zh_CN</c>, <c>en</c>, <c>en-US</c>… (any case).</summary>
    public static bool TryParse(string name, out UiLanguage language)
    {
        string n = name.Trim().Replace('_', '-');
        if (n.Equals("zh", StringComparison.OrdinalIgnoreCase) || n.StartsWith("zh-", StringComparison.OrdinalIgnoreCase))
        {
            language = UiLanguage.SimplifiedChinese;
            return true;
        }
        language = UiLanguage.English;
        return n.Equals("en", StringComparison.OrdinalIgnoreCase) || n.StartsWith("en-", StringComparison.OrdinalIgnoreCase)
            || n.Equals("C", StringComparison.Ordinal) || n.Equals("POSIX", StringComparison.Ordinal);
    }

    /// <summary>A POSIX locale (<c>zh_CN.UTF-8</c>, <c>zh_SG.GB18030</c>, <c>zh</c>, <c>en_US.UTF-8</c>, <c>C</c>…): Chinese for any <c>zh</c> locale, otherwise English.</summary>
    public static UiLanguage FromLocale(string locale)
    {
        string language = locale.Split('.', '@')[0].Split('_', '-')[0];
        return language.Equals("zh", StringComparison.OrdinalIgnoreCase) ? UiLanguage.SimplifiedChinese : UiLanguage.English;
    }

    /// <summary>The BCP 47 tag of a language (<c>en</c>, <c>zh-CN</c>).</summary>
    public static string Tag(this UiLanguage language) => language == UiLanguage.SimplifiedChinese ? "zh-CN" : "en";
}
