namespace SmtpConsole.PracticeServer;

/// <summary>
/// A demo mailbox account that the practice server accepts for SMTP AUTH (PLAIN, LOGIN and CRAM-MD5).
/// </summary>
/// <param name="UserName">The SASL user name, for example <c>demo</c>.</param>
/// <param name="Password">The clear-text password. CRAM-MD5 needs it in the clear, which is fine for a practice server.</param>
public sealed record PracticeAccount(string UserName, string Password)
{
    /// <summary>The account learners are told about first: <c>demo</c> / <c>practice</c>.</summary>
    public static PracticeAccount Demo { get; } = new("demo", "practice");

    /// <summary>A second account, so learners can see that credentials are per user: <c>learner</c> / <c>smtp-is-fun</c>.</summary>
    public static PracticeAccount Learner { get; } = new("learner", "smtp-is-fun");
}
