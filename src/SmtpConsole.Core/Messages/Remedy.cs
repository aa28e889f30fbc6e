namespace SmtpConsole.Core.Messages;

/// <summary>
/// What a user can do about a failure, as a key: the engine names the remedy, each front end words it in its own
/// terms (a command-line flag, a slash command, a key in the TUI).
/// </summary>
public enum Remedy
{
    None,

    /// <summary>Send EHLO (first, or again after STARTTLS).</summary>
    SendEhlo,

    /// <summary>Start a transaction with MAIL FROM.</summary>
    SendMailFrom,

    /// <summary>Name at least one recipient with RCPT TO.</summary>
    SendRcptTo,

    /// <summary>Abort the open transaction with RSET (or finish it).</summary>
    ResetTransaction,

    /// <summary>Upgrade this connection with STARTTLS, then send EHLO again.</summary>
    UseStartTls,

    /// <summary>Connect with implicit TLS (usually port 465).</summary>
    UseImplicitTls,

    /// <summary>Trust a private or test CA by giving its certificate file.</summary>
    TrustCaFile,

    /// <summary>Accept an unverified certificate knowingly.</summary>
    AcceptUnverifiedCertificate,

    /// <summary>Consent to sending credentials without TLS.</summary>
    AllowPlaintextAuth,

    /// <summary>Open a new connection.</summary>
    Reconnect,

    /// <summary>Wait longer for replies.</summary>
    LongerTimeout,

    /// <summary>Send AUTH without an initial response.</summary>
    NoInitialResponse,

    /// <summary>Go on: nothing needs fixing in the session (e.g. AUTH already succeeded).</summary>
    Continue,

    /// <summary>Close the console the front end's own way (a key in the TUI; nothing more on the command line).</summary>
    QuitConsole,

    /// <summary>Offer TLS versions older than 1.2, only to diagnose a very old server.</summary>
    AllowOlderTls,

    /// <summary>Choose how the port speaks TLS: STARTTLS (usually 587) or implicit TLS (usually 465).</summary>
    ChooseTlsMode,

    /// <summary>Greet with another EHLO name.</summary>
    ChangeEhloName,

    /// <summary>Give the doctor's envelope probe a sender address for MAIL FROM.</summary>
    GiveEnvelopeSender,
}
