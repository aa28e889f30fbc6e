using System.CommandLine;
using System.CommandLine.Help;
using SmtpConsole.Core.Messages;

namespace SmtpConsole.Cli;

/// <summary>
/// System.CommandLine's own words in its help (the section headings and the descriptions of <c>--help</c> and
/// <c>--version</c>) in the interface language. Its help builder takes them from its resources by UI culture, which
/// this process does not use (see <see cref="ParseErrorText"/>), so the headings of the finished text are replaced.
/// </summary>
internal static class HelpHeadings
{
    private static readonly (string English, string Key)[] Headings =
    [
        ("Description:", "Cli.Help.Description"), ("Usage:", "Cli.Help.Usage"), ("Arguments:", "Cli.Help.Arguments"),
        ("Options:", "Cli.Help.Options"), ("Commands:", "Cli.Help.Commands"), ("Additional Arguments:", "Cli.Help.AdditionalArguments"),
    ];

    /// <summary>Describes the built-in <c>--help</c> and <c>--version</c> options of <paramref name="root"/> in <paramref name="language"/>.</summary>
    public static void DescribeBuiltInOptions(RootCommand root, UiLanguage language)
    {
        foreach (var option in root.Options)
        {
            if (option is HelpOption) option.Description = MessageCatalog.Get("Cli.Help.HelpOption", language);
            else if (option is VersionOption) option.Description = MessageCatalog.Get("Cli.Help.VersionOption", language);
        }
    }

    /// <summary>The help text with its section headings (whole lines, at the margin) in <paramref name="language"/>.</summary>
    public static string Translate(string help, UiLanguage language)
    {
        if (language == UiLanguage.English) return help;
        var lines = help.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].TrimEnd('\r');
            foreach (var (english, key) in Headings)
            {
                if (line == english) lines[i] = MessageCatalog.Get(key, language) + lines[i][line.Length..];
            }
        }
        return string.Join('\n', lines);
    }
}
