using System.CommandLine;
using SmtpConsole.Core.Messages;

namespace SmtpConsole.Cli;

/// <summary>
/// The interface language of this process, decided once before the commands are built (so their help texts are in
/// it too): <c>--lang</c> anywhere on the command line, else <c>SMTPCONSOLE_LANG</c>, else the locale variables.
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
            Current = UiLanguageResolver.Resolve(FindChoice(args), pinned: null, Environment.GetEnvironmentVariable);
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
        string? choice = null;
        for (int i = 0; i < args.Count; i++)
        {
            if (args[i] == "--") break;
            if (args[i] == OptionName) choice = i + 1 < args.Count ? args[i + 1] : string.Empty;
            else if (args[i].StartsWith(OptionName + "=", StringComparison.Ordinal)) choice = args[i][(OptionName.Length + 1)..];
        }
        return choice is null ? null : choice.Length == 0 ? "(nothing)" : choice;
    }
}
