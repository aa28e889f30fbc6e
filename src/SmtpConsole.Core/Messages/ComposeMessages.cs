namespace SmtpConsole.Core.Messages;

/// <summary>
/// What /compose (MessageComposer) says about the message it builds, worded in <see cref="CoreMessages.Language"/>.
/// Header names, MIME types and SMTP keywords stay as they are. Texts: <c>Compose.*</c> keys of the catalogue.
/// </summary>
public static class ComposeMessages
{
    public static string NoRecipient => Say(nameof(NoRecipient));

    public static string NonAsciiAddressWithoutSmtpUtf8 => Say(nameof(NonAsciiAddressWithoutSmtpUtf8));

    public static string SubjectSentAsUtf8 => Say(nameof(SubjectSentAsUtf8));

    public static string SubjectEncoded(string encoded) => Say(nameof(SubjectEncoded), encoded);

    public static string LargerThanSize(string bytes, string limit) => Say(nameof(LargerThanSize), bytes, limit);

    public static string EightBitAsIs => Say(nameof(EightBitAsIs));

    public static string SevenBitOnly => Say(nameof(SevenBitOnly));

    public static string SmtpUtf8OnMailFrom => Say(nameof(SmtpUtf8OnMailFrom));

    public static string CannotAttach(string file, string problem) => Say(nameof(CannotAttach), file, problem);

    public static string AttachmentsEncoded(int count) => Say(nameof(AttachmentsEncoded), count);

    public static string DsnWithoutDsn => Say(nameof(DsnWithoutDsn));

    public static string AddressNeeded(string option) => Say(nameof(AddressNeeded), option);

    public static string NotAnAddress(string option, string text) => Say(nameof(NotAnAddress), option, text);

    public static string Composed(string bytes, string structure) => Say(nameof(Composed), bytes, structure);

    public static string ComposedParts(string parts) => Say(nameof(ComposedParts), parts);

    public static string ComposedAttachments(string attachments) => Say(nameof(ComposedAttachments), attachments);

    public static string AttachmentSummary(string name, string bytes, string type, string encoding) => Say(nameof(AttachmentSummary), name, bytes, type, encoding);

    private static string Say(string name, params object?[] args) => MessageCatalog.Format(CoreMessages.Language, "Compose." + name, args);
}
