using SmtpConsole.Core.Messages;

namespace SmtpConsole.App;

/// <summary>The screen's own words (<c>Tui.*</c> keys of the message catalogue) in the console's language.</summary>
internal static class TuiText
{
    public static string Say(this UiLanguage language, string key) => MessageCatalog.Get("Tui." + key, language);

    public static string Say(this UiLanguage language, string key, params object?[] args) => MessageCatalog.Format(language, "Tui." + key, args);
}
