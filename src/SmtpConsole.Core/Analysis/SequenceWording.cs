namespace SmtpConsole.Core.Analysis;

/// <summary>The sequence mistakes a server's reply text can name by itself (see <see cref="SequenceWordingReader"/>).</summary>
[Flags]
public enum SequenceWording
{
    None = 0,

    /// <summary>"send HELO/EHLO first" and the like.</summary>
    EhloFirst = 1 << 0,

    /// <summary>"already authenticated".</summary>
    AlreadyAuthenticated = 1 << 1,

    /// <summary>"mail transaction in progress".</summary>
    TransactionInProgress = 1 << 2,

    /// <summary>"must issue a STARTTLS command first".</summary>
    StartTlsFirst = 1 << 3,

    /// <summary>"nested MAIL command".</summary>
    NestedMail = 1 << 4,

    /// <summary>"need MAIL command".</summary>
    NeedMail = 1 << 5,

    /// <summary>"need RCPT command".</summary>
    NeedRcpt = 1 << 6,
}
