namespace SmtpConsole.Core.Messages;

/// <summary>
/// Picks the interface language: an explicit choice (<c>--lang</c>), then a pin (a profile, or
/// <c>SMTPCONSOLE_LANG</c>), then the POSIX locale variables in their order of precedence (<c>LC_ALL</c>,
/// <c>LC_MESSAGES</c>, <c>LANG</c>: the first that is set decides), else English.
/// </summary>
public static class UiLanguageResolver
{
    /// <summary>The environment variable a user sets to pin the language whatever the locale says.</summary>
    public const string PinVariable = "SMTPCONSOLE_LANG";

    /// <summary>The names <c>--lang</c> accepts, for help and error texts.</summary>
    public static IReadOnlyList<string> Names { get; } = ["zh-CN", "en"];

    /// <param name="explicitChoice">The value of <c>--lang</c>, when given (must be a known name).</param>
    /// <param name="pinned">A language pinned by a profile or user configuration, when any.</param>
    /// <param name="environment">Reads an environment variable (null when unset).</param>
    /// <exception cref="ArgumentException">The explicit choice or the pin names no language this console speaks.</exception>
    public static UiLanguage Resolve(string? explicitChoice, string? pinned, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        foreach (var (value, what) in new[] { (explicitChoice, "--lang"), (pinned, "the pinned language"), (environment(PinVariable), PinVariable) })
        {
            if (string.IsNullOrWhiteSpace(value)) continue;
            return TryParse(value, out var language)
                ? language
                : throw new ArgumentException($"{what}: unknown language \"{value}\" (use {string.Join(" or ", Names)})");
        }
        foreach (string variable in (string[])["LC_ALL", "LC_MESSAGES", "LANG"])
        {
            string? locale = environment(variable);
            if (!string.IsNullOrEmpty(locale)) return FromLocale(locale);
        }
        return UiLanguage.English;
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
