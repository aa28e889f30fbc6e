using SmtpConsole.Core.Messages;
using System.Globalization;
using System.Text;
using MimeKit;
using SmtpConsole.Core.Protocol;

namespace SmtpConsole.Core.Compose;

/// <summary>
/// Turns a <see cref="MessageDraft"/> into a proper MIME message with MimeKit (RFC 2047 encoded headers, Date,
/// Message-ID, text/HTML alternatives, attachments) and picks the transfer and MAIL parameters that fit what the
/// server advertised: SIZE=, BODY=8BITMIME for 8-bit parts, SMTPUTF8 for non-ASCII addresses, BDAT or DATA.
/// </summary>
public static class MessageComposer
{
    /// <param name="draft">The fields.</param>
    /// <param name="capabilities">The last EHLO reply (empty: nothing is assumed, the message stays 7-bit).</param>
    /// <param name="baseDirectory">Where relative attachment paths are resolved.</param>
    public static ComposedMessage Compose(MessageDraft draft, EhloCapabilities capabilities, string? baseDirectory = null)
    {
        var notes = new List<string>();
        var warnings = new List<string>();
        var from = ParseMailbox(draft.From, "--from");
        var to = draft.To.Select(a => ParseMailbox(a, "--to")).ToList();
        var cc = draft.Cc.Select(a => ParseMailbox(a, "--cc")).ToList();
        var bcc = draft.Bcc.Select(a => ParseMailbox(a, "--bcc")).ToList();
        var recipients = to.Concat(cc).Concat(bcc).Select(m => m.Address).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (recipients.Count == 0) throw new MessageComposeException(ComposeMessages.NoRecipient);

        bool international = !Ascii.IsValid(from.Address) || recipients.Any(r => !Ascii.IsValid(r));
        if (international && !capabilities.IsEmpty && !capabilities.SmtpUtf8)
            warnings.Add(ComposeMessages.NonAsciiAddressWithoutSmtpUtf8);

        var message = new MimeMessage();
        message.From.Add(from);
        message.To.AddRange(to);
        message.Cc.AddRange(cc);
        message.Subject = draft.Subject;
        message.Date = draft.Date ?? DateTimeOffset.Now;
        string domain = from.Domain.Length > 0 ? from.Domain : "localhost";
        message.MessageId = draft.MessageId ?? MimeKit.Utils.MimeUtils.GenerateMessageId(domain);
        message.Body = BuildBody(draft, baseDirectory, notes);

        bool allowEightBit = capabilities.EightBitMime || capabilities.BinaryMime;
        // 8-bit text parts only where the server said it can carry them; otherwise quoted-printable/base64 keep it 7-bit.
        message.Prepare(allowEightBit ? EncodingConstraint.EightBit : EncodingConstraint.SevenBit);

        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        // With SMTPUTF8, headers may be UTF-8 as they are; without it they must be RFC 2047 encoded.
        format.International = international && capabilities.SmtpUtf8;
        byte[] bytes;
        using (var buffer = new MemoryStream())
        {
            message.WriteTo(format, buffer);
            bytes = buffer.ToArray();
        }
        bool eightBit = bytes.AsSpan().IndexOfAnyExceptInRange((byte)0, (byte)127) >= 0;

        if (!Ascii.IsValid(draft.Subject))
            notes.Add(format.International
                ? ComposeMessages.SubjectSentAsUtf8
                : ComposeMessages.SubjectEncoded(EncodedSubject(bytes)));

        var parameters = new List<MailParameter>();
        if (capabilities.Has("SIZE"))
        {
            parameters.Add(new MailParameter("SIZE", bytes.Length.ToString(CultureInfo.InvariantCulture)));
            if (capabilities.Size is > 0 and var limit && bytes.Length > limit)
                warnings.Add(ComposeMessages.LargerThanSize(bytes.Length.ToString("N0", CultureInfo.InvariantCulture), limit.ToString("N0", CultureInfo.InvariantCulture)));
        }
        if (eightBit && capabilities.EightBitMime)
        {
            parameters.Add(new MailParameter("BODY", "8BITMIME"));
            notes.Add(ComposeMessages.EightBitAsIs);
        }
        else if (!allowEightBit && !capabilities.IsEmpty)
        {
            notes.Add(ComposeMessages.SevenBitOnly);
        }
        if (international)
        {
            parameters.Add(new MailParameter("SMTPUTF8", null));
            notes.Add(ComposeMessages.SmtpUtf8OnMailFrom);
        }
        AddDsn(draft, capabilities, parameters, warnings, out var recipientParameters);

        bool useBdat = draft.Transfer switch
        {
            MessageTransfer.Bdat => true,
            MessageTransfer.Data => false,
            _ => capabilities.Chunking && eightBit,
        };
        if (useBdat && !capabilities.IsEmpty && !capabilities.Chunking)
            warnings.Add(Messages.ComposeMessages.BdatWithoutChunking);
        if (draft.Transfer == MessageTransfer.Auto && useBdat)
            notes.Add(Messages.ComposeMessages.BdatChosen);

        return new ComposedMessage
        {
            Message = message,
            Bytes = bytes,
            Sender = from.Address,
            Recipients = recipients,
            MailParameters = parameters,
            RecipientParameters = recipientParameters,
            EightBit = eightBit,
            UseBdat = useBdat,
            Notes = notes,
            Warnings = warnings,
        };
    }

    /// <summary>One line describing the structure: "multipart/mixed: text/plain, text/html, 1 attachment (report.pdf, 12,345 bytes)".</summary>
    public static string Describe(ComposedMessage composed)
    {
        var parts = new List<string>();
        var attachments = new List<string>();
        foreach (var entity in composed.Message.BodyParts)
        {
            if (entity is MimePart part && part.IsAttachment)
            {
                long size = 0;
                if (part.Content is not null)
                {
                    using var counter = new MemoryStream();
                    part.Content.DecodeTo(counter);
                    size = counter.Length;
                }
                attachments.Add(ComposeMessages.AttachmentSummary(part.FileName ?? string.Empty, size.ToString("N0", CultureInfo.InvariantCulture), part.ContentType.MimeType, Encoding(part)));
            }
            else if (entity is MimePart body)
            {
                parts.Add($"{body.ContentType.MimeType} ({Encoding(body)})");
            }
        }
        string structure = composed.Message.Body?.ContentType.MimeType ?? "text/plain";
        string text = ComposeMessages.Composed(composed.Bytes.Length.ToString("N0", CultureInfo.InvariantCulture), structure);
        if (structure.StartsWith("multipart/", StringComparison.Ordinal) || parts.Count > 1) text += ComposeMessages.ComposedParts(string.Join(RunnerMessages.ListSeparator, parts));
        else if (parts.Count == 1) text += " " + parts[0][parts[0].IndexOf('(')..];
        if (attachments.Count > 0) text += ComposeMessages.ComposedAttachments(string.Join("; ", attachments));
        return text + $"; Message-ID <{composed.Message.MessageId}>";
    }

    private static string Encoding(MimePart part) => part.ContentTransferEncoding switch
    {
        ContentEncoding.EightBit => "8bit",
        ContentEncoding.SevenBit or ContentEncoding.Default => "7bit",
        ContentEncoding.QuotedPrintable => "quoted-printable",
        ContentEncoding.Base64 => "base64",
        ContentEncoding.Binary => "binary",
        var other => other.ToString().ToLowerInvariant(),
    };

    private static MimeEntity BuildBody(MessageDraft draft, string? baseDirectory, List<string> notes)
    {
        var builder = new BodyBuilder();
        if (draft.Text is not null || draft.Html is null) builder.TextBody = Normalize(draft.Text ?? string.Empty);
        if (draft.Html is not null) builder.HtmlBody = Normalize(draft.Html);
        foreach (var file in draft.Attachments)
        {
            string path = Path.GetFullPath(file.TrimStart('@'), baseDirectory ?? Environment.CurrentDirectory);
            try
            {
                builder.Attachments.Add(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new MessageComposeException(ComposeMessages.CannotAttach(file, ex.Message), ex);
            }
        }
        if (draft.Attachments.Count > 0) notes.Add(ComposeMessages.AttachmentsEncoded(draft.Attachments.Count));
        return builder.ToMessageBody();
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal);

    private static void AddDsn(MessageDraft draft, EhloCapabilities capabilities, List<MailParameter> parameters, List<string> warnings, out IReadOnlyList<MailParameter> recipientParameters)
    {
        var rcpt = new List<MailParameter>();
        bool any = false;
        if (draft.Return is { } ret)
        {
            any = true;
            parameters.Add(new MailParameter("RET", ret.ToUpperInvariant()));
        }
        if (draft.EnvelopeId is { } envid)
        {
            any = true;
            parameters.Add(new MailParameter("ENVID", XText.Encode(envid)));
        }
        if (draft.Notify is { } notify)
        {
            any = true;
            rcpt.Add(new MailParameter("NOTIFY", notify.ToUpperInvariant()));
        }
        foreach (var problem in MailParameters.Check("MAIL", string.Join(' ', parameters.Where(p => p.Keyword is "RET" or "ENVID"))))
            warnings.Add(problem);
        foreach (var problem in MailParameters.Check("RCPT", string.Join(' ', rcpt)))
            warnings.Add(problem);
        if (any && !capabilities.IsEmpty && !capabilities.Dsn)
            warnings.Add(ComposeMessages.DsnWithoutDsn);
        recipientParameters = rcpt;
    }

    private static MailboxAddress ParseMailbox(string text, string option)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new MessageComposeException(ComposeMessages.AddressNeeded(option));
        if (!MailboxAddress.TryParse(ParserOptions.Default, text.Trim(), out var mailbox) || string.IsNullOrEmpty(mailbox.Address) || !mailbox.Address.Contains('@'))
            throw new MessageComposeException(ComposeMessages.NotAnAddress(option, text));
        return mailbox;
    }

    private static string EncodedSubject(byte[] bytes)
    {
        string head = System.Text.Encoding.ASCII.GetString(bytes, 0, Math.Min(bytes.Length, 8192));
        foreach (var line in head.Split("\r\n"))
            if (line.StartsWith("Subject:", StringComparison.OrdinalIgnoreCase)) return line["Subject:".Length..].Trim();
        return "an encoded-word";
    }
}
