using SmtpConsole.Core.Protocol;

namespace SmtpConsole.Core.Transcript;

/// <summary>
/// One thing that happened in a session. Immutable once recorded. Kept small because a long session holds a
/// million of these: the display text plus a few references.
/// </summary>
public sealed class TranscriptEvent
{
    /// <summary>Text shown in place of a secret everywhere it is not explicitly revealed.</summary>
    public const string RedactedText = "••••••";

    public TranscriptEvent(TranscriptEventKind kind, string text)
    {
        Kind = kind;
        // Every source (server, script, user, explain input) is neutralised here, once, before any screen or file sees it.
        Text = Protocol.ServerText.NeutralizeLines(text);
    }

    /// <summary>Position in the session, from 0; assigned when recorded.</summary>
    public long Sequence { get; internal set; }

    /// <summary>When it happened (UTC).</summary>
    public DateTimeOffset Timestamp { get; internal set; }

    /// <summary>Milliseconds since the previous event of the session; for a reply, the latency of its command.</summary>
    public double ElapsedMs { get; internal set; }

    public TranscriptEventKind Kind { get; }

    /// <summary>Display text, with secrets already redacted. A reply's text is its lines joined with '\n'.</summary>
    public string Text { get; }

    /// <summary>The parsed reply, for <see cref="TranscriptEventKind.Reply"/> events.</summary>
    public SmtpReply? Reply { get; init; }

    /// <summary>True when <see cref="Text"/> stands in for something the user typed in secret.</summary>
    public bool Secret { get; init; }

    /// <summary>A decoded annotation (e.g. the plain user name behind a Base64 line). Never contains a secret.</summary>
    public string? Note { get => _note; init => _note = value is null ? null : Protocol.ServerText.NeutralizeLines(value); }

    private readonly string? _note;

    /// <summary>The unredacted text of a secret, kept in memory only so the user can reveal it on screen. No file sink reads it unless secrets are shown on purpose.</summary>
    public string? RevealText { get => _revealText; init => _revealText = value is null ? null : Protocol.ServerText.NeutralizeLines(value); }

    private readonly string? _revealText;

    /// <summary>For <see cref="TranscriptEventKind.Expect"/>: whether the expectation held.</summary>
    public bool? Passed { get; init; }

    /// <summary>For errors and warnings: what the user can do, as a key each front end words itself.</summary>
    public Messages.Remedy Remedy { get; init; }

    /// <summary>For a rejected (or knowingly accepted) certificate: what was wrong with it, for tools reading JSON.</summary>
    public IReadOnlyList<Session.TlsProblemKind>? CertificateProblems { get; init; }

    /// <summary>For replies: the command it answers, the phase, and the engine's hint and explanation.</summary>
    public ReplyContext? Context { get; init; }

    /// <summary>Shown on screen only, never written to a transcript file, session log or save (e.g. /b64 results, which are often a password).</summary>
    public bool ScreenOnly { get; init; }

    /// <summary>Set on the info events that open and close a helper's block of wire lines.</summary>
    public HelperBoundary Helper { get; init; }

    /// <summary>Message bytes kept so a saved transcript can resend them (<c>/data @FILE</c>, <c>/bdat @FILE</c>); written as D: lines.</summary>
    public byte[]? Payload { get; init; }

    /// <summary>
    /// For a client line whose <see cref="Text"/> had to show characters escaped (a zero-width joiner inside an emoji,
    /// a soft hyphen, a control): the line exactly as sent, so a saved transcript can replay the same bytes. Null when
    /// the text shows the line as it is, and never set for a secret.
    /// </summary>
    public string? ExactText { get => _exactText; init => _exactText = value is null || Secret || value == Text ? null : value; }

    private readonly string? _exactText;

    /// <summary>The text to display, revealing the secret only when asked.</summary>
    public string TextFor(bool showSecrets) => showSecrets && RevealText is not null ? RevealText : Text;

    public static TranscriptEvent Info(string text) => new(TranscriptEventKind.Info, text);
    public static TranscriptEvent Warn(string text) => new(TranscriptEventKind.Warn, text);
    public static TranscriptEvent Error(string text) => new(TranscriptEventKind.Error, text);

    public override string ToString() => $"{Kind}: {Text}";
}
