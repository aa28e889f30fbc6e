namespace SmtpConsole.Core.Messages;

/// <summary>
/// Every user-facing sentence of the engine, one member per message (the KestrelTrace idea): call sites pass
/// values, never glue text, so a translation can replace a whole sentence. Messages name protocol steps and
/// remedies in SMTP terms; how to carry a remedy out (a flag, a key) is each front end's business (<see cref="Remedy"/>).
/// </summary>
/// <remarks>The texts live in the resx catalogue (<see cref="MessageCatalog"/>) under <c>Core.*</c> keys, with their Chinese.</remarks>
[MessageArea("Core.")]
public static partial class CoreMessages
{
    /// <summary>
    /// The language these messages (and SessionMessages, TlsMessages, ReplyMessages, SaslMessages, RunnerMessages) are
    /// worded in. English unless a front end that speaks to a person picks another: the TUI and replay's text output do,
    /// from <c>--lang</c>, a pin or the locale, and so does doctor's table. JSON (replay's <c>--json</c>, a <c>.json</c>
    /// transcript, doctor's <c>--json</c>) stays English: its events carry finished text that tools compare across machines.
    /// Nothing in the engine reads these texts back (doctor chooses its fixes by <see cref="Session.TlsProblemKind"/>).
    /// </summary>
    /// <remarks>
    /// Setting it changes the process-wide default (the TUI's one screen). <see cref="Speak"/> overrides it for one
    /// flow of work (a test's session, its reader loop and TLS callbacks), leaving other sessions in the process alone.
    /// </remarks>
    public static UiLanguage Language
    {
        get => s_scoped.Value ?? s_default;
        set => s_default = value;
    }

    private static UiLanguage s_default = UiLanguage.English;
    private static readonly AsyncLocal<UiLanguage?> s_scoped = new();

    /// <summary>Words the engine's messages in <paramref name="language"/> for the calling flow and everything it starts, until disposed.</summary>
    public static IDisposable Speak(UiLanguage language)
    {
        var previous = s_scoped.Value;
        s_scoped.Value = language;
        return new LanguageScope(previous);
    }

    private sealed class LanguageScope(UiLanguage? previous) : IDisposable
    {
        public void Dispose() => s_scoped.Value = previous;
    }
}
