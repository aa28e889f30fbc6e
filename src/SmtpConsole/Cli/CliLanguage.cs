using System.CommandLine;
using SmtpConsole.Core.Messages;
using SmtpConsole.Core.Platform;
using SmtpConsole.Core.Profiles;

namespace SmtpConsole.Cli;

/// <summary>
/// The interface language of this process, decided once before the commands are built (so their help texts are in
/// it too): <c>--lang</c> anywhere on the command line, else <c>SMTPCONSOLE_LANG</c>, else the language pinned by
/// the profile named with <c>--profile</c>, else the one pinned in the user's <c>config.json</c>, else the locale variables.
/// </summary>
internal static class CliLanguage
{
    public const string OptionName = "--lang";

    public static UiLanguage Current { get; private set; } = UiLanguage.English;

    /// <summary>Decides <see cref="Current"/> from the arguments and the environment; the error in words when <c>--lang</c> names no language.</summary>
    public static string? Resolve(IReadOnlyList<string> args)
    {
        try
        {
            Current = UiLanguageResolver.Resolve(FindChoice(args), Environment.GetEnvironmentVariable,
                () => ProfilePin(args),
                () => UserConfigFile.ReadLanguage(UserConfigFile.PathFor(Environment.GetEnvironmentVariable, HostPlatforms.Current)));
            return null;
        }
        catch (ArgumentException ex)
        {
            Current = UiLanguage.English;
            return ex.Message;
        }
    }

    /// <summary>The global <c>--lang</c> option (every command accepts it; its value was already read by <see cref="Resolve"/>).</summary>
    public static Option<string?> CreateOption() => new(OptionName) { Description = Text("Cli.LangOption"), Recursive = true, HelpName = "zh-CN|en" };

    public static string Text(string key) => MessageCatalog.Get(key, Current);

    public static string Format(string key, params object?[] args) => MessageCatalog.Format(Current, key, args);

    private static string? FindChoice(IReadOnlyList<string> args)
    {
        string? choice = FindValue(args, OptionName);
        return choice is null ? null : choice.Length == 0 ? "(nothing)" : choice;
    }

    /// <summary>
    /// The language the profile named by <c>--profile</c> pins, with the file and line it is written in. A profile
    /// that does not load pins nothing here: the command reports it (an unknown language in it is one of its errors).
    /// </summary>
    private static LanguagePin? ProfilePin(IReadOnlyList<string> args)
    {
        if (FindValue(args, "--profile") is not { Length: > 0 } name) return null;
        string? file = FindValue(args, "--profile-file");
        if (file is not null && !File.Exists(file)) return null;
        var catalog = ProfileCatalog.Load(ProfileSources.Default(file));
        if (!catalog.TryGet(name, out var profile, out _) || profile.Language is not { } language) return null;
        var origin = catalog.Explain(name).FirstOrDefault(o => o.Field.Equals("language", StringComparison.OrdinalIgnoreCase));
        string where = origin?.Source is { } source ? origin.Line is { } line ? $"{source}({line})" : source : $"profile '{name}'";
        return new LanguagePin(language, where);
    }

    /// <summary>The last value of <paramref name="option"/> (<c>--x VALUE</c> or <c>--x=VALUE</c>) before <c>--</c>; empty when it has none.</summary>
    private static string? FindValue(IReadOnlyList<string> args, string option)
    {
        string? value = null;
        for (int i = 0; i < args.Count; i++)
        {
            if (args[i] == "--") break;
            if (args[i] == option) value = i + 1 < args.Count ? args[i + 1] : string.Empty;
            else if (args[i].StartsWith(option + "=", StringComparison.Ordinal)) value = args[i][(option.Length + 1)..];
        }
        return value;
    }
}
