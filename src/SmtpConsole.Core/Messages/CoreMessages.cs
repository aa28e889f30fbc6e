namespace SmtpConsole.Core.Messages;

/// <summary>
/// Every user-facing sentence of the engine, one member per message (the KestrelTrace idea): call sites pass
/// values, never glue text, so a translation can replace a whole sentence. Messages name protocol steps and
/// remedies in SMTP terms; how to carry a remedy out (a flag, a key) is each front end's business (<see cref="Remedy"/>).
/// </summary>
/// <remarks>The texts live in the resx catalogue (<see cref="MessageCatalog"/>) under <c>Core.*</c> keys, with their Chinese.</remarks>
public static class CoreMessages
{
    // Learner hints from the session's state (Analysis/SessionStateHints).
    public static string HintAfterClosing => Say("Core.HintAfterClosing");

    public static string HintEhloNeedsName(string verb) => Say("Core.HintEhloNeedsName", verb);

    public static string HintEhloMissing => Say("Core.HintEhloMissing");

    public static string HintEhloFirst(string command) => Say("Core.HintEhloFirst", command);

    public static string HintEhloAgainAfterTls(string command) => Say("Core.HintEhloAgainAfterTls", command);

    public static string HintAlreadyAuthenticated => Say("Core.HintAlreadyAuthenticated");

    public static string HintAuthInsideTransaction => Say("Core.HintAuthInsideTransaction");

    public static string HintAuthNeedsTls => Say("Core.HintAuthNeedsTls");

    public static string HintAuthNotOffered => Say("Core.HintAuthNotOffered");

    public static string HintTransactionOpen => Say("Core.HintTransactionOpen");

    public static string HintMailMissing => Say("Core.HintMailMissing");

    public static string HintRcptMissing(string verb) => Say("Core.HintRcptMissing", verb);

    public static string HintMailAndRcptMissing(string verb) => Say("Core.HintMailAndRcptMissing", verb);

    // Consent and TLS (the remedy is a key: see Remedy).
    public static string PlaintextCredentialsRefused => Say("Core.PlaintextCredentialsRefused");

    public static string StartTlsNotAdvertised => Say("Core.StartTlsNotAdvertised");

    // Advice after EHLO and before MAIL/RCPT (Analysis/SessionAdvisor).
    public static string AdvicePlainAuthWithoutTls => Say("Core.AdvicePlainAuthWithoutTls");

    public static string AdviceNoStartTls => Say("Core.AdviceNoStartTls");

    public static string AdviceNoAuthYet => Say("Core.AdviceNoAuthYet");

    public static string AdviceNeedsSmtpUtf8 => Say("Core.AdviceNeedsSmtpUtf8");

    public static string AdviceNeeds8BitMime => Say("Core.AdviceNeeds8BitMime");

    public static string AdvicePreferredMechanisms(string preferred, string offered) => Say("Core.AdvicePreferredMechanisms", preferred, offered);

    // The overview of /help and F1 (Commands/HelpText).
    public static string HelpIntro => Say("Core.HelpIntro");

    public static string HelpMore => Say("Core.HelpMore");

    // Session messages.
    public static string UnsolicitedReply => Say("Core.UnsolicitedReply");

    public static string ReplyTo(string line) => Say("Core.ReplyTo", line);

    public static string NotConnected => Say("Core.NotConnected");

    public static string NotConnectedAfterClosing => Say("Core.NotConnectedAfterClosing");

    public static string ClosedAfterClosing => Say("Core.ClosedAfterClosing");

    public static string ConnectionLostWhileSending => Say("Core.ConnectionLostWhileSending");

    public static string ClosedWithoutReply(string waitingFor) => Say("Core.ClosedWithoutReply", waitingFor);

    public static string ServerClosing421 => Say("Core.ServerClosing421");

    public static string EhloLineNotUnderstood(string line) => Say("Core.EhloLineNotUnderstood", line);

    public static string MalformedReply(string problem) => Say("Core.MalformedReply", problem);

    public static string CommandAfterClosing(string line) => Say("Core.CommandAfterClosing", line);

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

    private static string Say(string key, params object?[] args) => MessageCatalog.Format(Language, key, args);
}
