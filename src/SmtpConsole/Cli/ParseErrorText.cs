using System.Text.RegularExpressions;
using SmtpConsole.Core.Messages;

namespace SmtpConsole.Cli;

/// <summary>
/// System.CommandLine's parse errors in the interface language. The library words them from its own resources by the
/// current UI culture, which this process never sets (it runs with invariant globalization, and its satellite
/// assemblies are not in the Native AOT binary), so they arrive in English: each known wording (the English value of a
/// <c>Cli.Parse.*</c> key) is matched and replaced by the catalogue's translation. An unknown wording passes through.
/// </summary>
internal static class ParseErrorText
{
    private static readonly string[] Keys =
    [
        "Cli.Parse.Unrecognized", "Cli.Parse.RequiredArgumentForCommand", "Cli.Parse.RequiredArgumentForOption",
        "Cli.Parse.CannotParseForOption", "Cli.Parse.CannotParseForCommand", "Cli.Parse.CannotParse",
        "Cli.Parse.ExpectsOneArgument", "Cli.Parse.OptionRequired", "Cli.Parse.RequiredCommand", "Cli.Parse.NotOneOf",
        "Cli.Parse.DidYouMean",
    ];

    private static readonly Lazy<(string Key, Regex Pattern)[]> Patterns = new(() => [.. Keys.Select(key => (key, ToPattern(MessageCatalog.Get(key, UiLanguage.English))))]);

    public static string Translate(string message, UiLanguage language)
    {
        if (language == UiLanguage.English) return message;
        foreach (var (key, pattern) in Patterns.Value)
        {
            var match = pattern.Match(message);
            if (!match.Success) continue;
            var values = match.Groups.Cast<Group>().Skip(1).OrderBy(g => int.Parse(g.Name[1..], System.Globalization.CultureInfo.InvariantCulture))
                .Select(g => (object?)Friendly(g.Value, language)).ToArray();
            // Whatever follows the wording (the suggestions after "Did you mean…?") is kept.
            return MessageCatalog.Format(language, key, values) + message[match.Length..];
        }
        return message;
    }

    // 'System.Nullable`1[System.Int32]' says nothing to a user; the kind of value it wants does.
    private static string Friendly(string value, UiLanguage language) => value switch
    {
        "Command" => MessageCatalog.Get("Cli.Help.Commands", language).TrimEnd(':', '：'),
        "Option" => MessageCatalog.Get("Cli.Help.Options", language).TrimEnd(':', '：'),
        _ when value.Contains("System.Int32", StringComparison.Ordinal) || value.Contains("System.Int64", StringComparison.Ordinal) => MessageCatalog.Get("Cli.Parse.Type.Integer", language),
        _ when value.Contains("System.Double", StringComparison.Ordinal) || value.Contains("System.Decimal", StringComparison.Ordinal) => MessageCatalog.Get("Cli.Parse.Type.Number", language),
        _ => value,
    };

    /// <summary>"Option '{0}' is required." becomes <c>^Option '(?&lt;p0&gt;.*?)' is required\.</c>: anchored at the start, placeholders lazy.</summary>
    private static Regex ToPattern(string template)
    {
        string pattern = Regex.Replace(Regex.Escape(template), @"\\\{(\d+)}", m => $"(?<p{m.Groups[1].Value}>.*?)");
        return new Regex("^" + pattern + (template.EndsWith('}') ? "$" : string.Empty), RegexOptions.Singleline | RegexOptions.CultureInvariant);
    }
}
