using SmtpConsole.Core.Messages;

namespace SmtpConsole.Core.Diagnosis;

/// <summary>
/// One reason a knowledge entry matched a reply ("code 535", "text typical of qq"), kept as a catalogue key and its
/// values so each output words it: explain's text in the reader's language, JSON always in English.
/// </summary>
/// <param name="Key">The catalogue key below <c>Match.</c>.</param>
/// <param name="Values">The placeholders' values (codes, quoted text, provider names), never translated.</param>
public sealed record MatchReason(string Key, params string[] Values)
{
    /// <summary>The reason worded in <paramref name="language"/>.</summary>
    public string In(UiLanguage language) => MessageCatalog.Format(language, "Match." + Key, Values);

    /// <summary>The English wording, as JSON and logs carry it.</summary>
    public override string ToString() => In(UiLanguage.English);
}
