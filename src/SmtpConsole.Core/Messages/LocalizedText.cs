namespace SmtpConsole.Core.Messages;

/// <summary>
/// A sentence that can still be said in any interface language: a catalogue key with its values, or text that has
/// its own translations (the knowledge base), or text that is the same in every language (a server's reply).
/// Results such as doctor findings keep it, so the table speaks the user's language while JSON stays English.
/// </summary>
public sealed class LocalizedText
{
    private readonly Func<UiLanguage, string> _say;

    private LocalizedText(Func<UiLanguage, string> say) => _say = say;

    /// <summary>The catalogue's text for <paramref name="key"/>; values that are themselves <see cref="LocalizedText"/> are said in the same language.</summary>
    public static LocalizedText FromCatalog(string key, params object?[] args) =>
        new(language => MessageCatalog.Format(language, key, [.. args.Select(a => a is LocalizedText text ? text.In(language) : a)]));

    /// <summary>Text worded by <paramref name="say"/> for each language.</summary>
    public static LocalizedText Of(Func<UiLanguage, string> say) => new(say);

    /// <summary>Text that is the same in every language (a server's words, a host name).</summary>
    public static LocalizedText Verbatim(string text) => new(_ => text);

    public string In(UiLanguage language) => _say(language);

    /// <summary>The English text.</summary>
    public override string ToString() => In(UiLanguage.English);
}
