namespace SmtpConsole.Core.Messages;

/// <summary>
/// What the reply parser says about a reply that breaks the rules (bare LF, mixed codes, overlong or cut-off lines,
/// no three-digit code), worded in <see cref="CoreMessages.Language"/>. Texts: <c>Reply.*</c> keys of the catalogue.
/// </summary>
public static class ReplyMessages
{
    public static string LineTooLongDiscarded(int limit) => Say(nameof(LineTooLongDiscarded), limit);

    public static string LineExceedsLimit(long length, int limit) => Say(nameof(LineExceedsLimit), length, limit);

    public static string ClosedInMultilineReply => Say(nameof(ClosedInMultilineReply));

    public static string ClosedInReplyLine => Say(nameof(ClosedInReplyLine));

    public static string BareLf => Say(nameof(BareLf));

    public static string InconsistentCodes(int first, int then) => Say(nameof(InconsistentCodes), first, then);

    public static string TooManyLines(int limit) => Say(nameof(TooManyLines), limit);

    public static string LineTooShort(string shown) => Say(nameof(LineTooShort), shown);

    public static string TooManyDigits(int digits, string shown) => Say(nameof(TooManyDigits), digits, shown);

    public static string CodeFirstDigit(string shown) => Say(nameof(CodeFirstDigit), shown);

    public static string CodeNotFollowedBySpaceOrHyphen(string shown) => Say(nameof(CodeNotFollowedBySpaceOrHyphen), shown);

    public static string NotAReply(string shown) => Say(nameof(NotAReply), shown);

    private static string Say(string name, params object?[] args) => MessageCatalog.Format(CoreMessages.Language, "Reply." + name, args);
}
