namespace SmtpConsole.Core.Messages;

/// <summary>
/// Advice on a MAIL/RCPT line as it is typed (Analysis/SessionAdvisor), worded in <see cref="CoreMessages.Language"/>.
/// Extension names and parameters stay as they are. Texts: <c>Advice.*</c> keys of the catalogue.
/// </summary>
public static class AdviceMessages
{
    public static string ParameterNotAdvertised(string parameter, string extension) => Say(nameof(ParameterNotAdvertised), parameter, extension);

    public static string SizeOverLimit(string declared, string limit) => Say(nameof(SizeOverLimit), declared, limit);

    public static string SenderMustBeLogin(string provider, string login, string address) => Say(nameof(SenderMustBeLogin), provider, login, address);

    private static string Say(string name, params object?[] args) => MessageCatalog.Format(CoreMessages.Language, "Advice." + name, args);
}
