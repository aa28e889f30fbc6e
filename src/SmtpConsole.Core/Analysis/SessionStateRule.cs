namespace SmtpConsole.Core.Analysis;

/// <summary>The session-state mistakes a learner makes most, each a rule of <see cref="SessionStateHints"/>.</summary>
public enum SessionStateRule
{
    /// <summary>A command after the server announced 421 (closing).</summary>
    AfterClosing,

    /// <summary>EHLO/HELO without the client's host name.</summary>
    EhloNeedsName,

    /// <summary>MAIL, RCPT, DATA or AUTH before any EHLO/HELO.</summary>
    EhloFirst,

    /// <summary>A command after STARTTLS without EHLO sent again (RFC 3207 §4.2: the server forgot everything).</summary>
    EhloAgainAfterTls,

    /// <summary>"send HELO/EHLO first" with no session state known (explain): EHLO missing, often not re-sent after STARTTLS.</summary>
    EhloMissing,

    /// <summary>AUTH on a connection that is already authenticated.</summary>
    AlreadyAuthenticated,

    /// <summary>AUTH while AUTH is not offered yet because TLS is not up.</summary>
    AuthNeedsTls,

    /// <summary>AUTH while the server offers no AUTH on this connection at all.</summary>
    AuthNotOffered,

    /// <summary>AUTH inside an open mail transaction.</summary>
    AuthInsideTransaction,

    /// <summary>A second MAIL FROM while a transaction is open.</summary>
    TransactionOpen,

    /// <summary>RCPT TO before MAIL FROM.</summary>
    MailMissing,

    /// <summary>DATA before any accepted RCPT TO.</summary>
    RcptMissing,

    /// <summary>DATA before MAIL FROM.</summary>
    MailAndRcptMissing,
    /// <summary>BDAT to a server that did not offer CHUNKING.</summary>
    ChunkingNotOffered,
    /// <summary>MAIL FROM with SIZE= above the limit the server announced in its EHLO SIZE.</summary>
    SizeOverLimit,
}
