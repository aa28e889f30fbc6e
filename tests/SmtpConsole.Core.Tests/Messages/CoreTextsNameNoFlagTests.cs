using System.Text.RegularExpressions;
using SmtpConsole.Core.Messages;

namespace SmtpConsole.Core.Tests.Messages;

/// <summary>
/// The engine's texts (every catalogue area but the front ends' Cli.*, Tui.* and Help.*) name no command-line flag:
/// how to carry a remedy out is each front end's business (<see cref="Remedy"/>). A flag belonging to a slash command
/// both consoles share (/connect … --tls) is allowed only where listed, with the reason.
/// </summary>
public sealed partial class CoreTextsNameNoFlagTests
{
    private static readonly string[] FrontEndAreas = ["Cli.", "Tui.", "Help."];

    private static readonly Dictionary<string, string> Allowed = new(StringComparer.Ordinal)
    {
        ["Core.NotConnected"] = "the /connect slash command's own options, typed the same in both consoles",
        ["Practice.Banner.Elsewhere"] = "the practice banner is worded by the app (Cli/PracticeBannerText) and shows the /connect slash command and how to start the app",
    };

    public static TheoryData<string> Languages() => new(UiLanguage.English.ToString(), UiLanguage.SimplifiedChinese.ToString());

    [Theory]
    [MemberData(nameof(Languages))]
    public void CoreAreaTexts_NameNoFlag(string languageName)
    {
        var language = Enum.Parse<UiLanguage>(languageName);
        var offenders = MessageCatalog.Entries(language)
            .Where(e => !FrontEndAreas.Any(area => e.Key.StartsWith(area, StringComparison.Ordinal)) && !Allowed.ContainsKey(e.Key))
            .Where(e => Flag().IsMatch(e.Value))
            .Select(e => $"{e.Key}: {e.Value}")
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(offenders.Count == 0, "Core texts naming a flag (attach a Remedy instead):\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void TheCheckFindsAFlag_AndEveryAllowedKeyStillNeedsIt()
    {
        Assert.Matches(Flag(), "pass --cafile FILE");
        Assert.DoesNotMatch(Flag(), "a dash -- like this, or x--y");
        foreach (string key in Allowed.Keys) Assert.Matches(Flag(), MessageCatalog.Get(key, UiLanguage.English));
    }

    // "--word" at the start of a word: not a dash used as punctuation, not inside an identifier.
    [GeneratedRegex(@"(?<![\w-])--[a-z][a-z0-9-]*")]
    private static partial Regex Flag();
}
