using MimeKit;
using SmtpConsole.Core.Commands;
using SmtpConsole.Core.Compose;
using SmtpConsole.Core.Protocol;

namespace SmtpConsole.Core.Tests.Compose;

public class MessageComposerTests
{
    private static readonly EhloCapabilities Postfix = EhloCapabilities.Parse(
        ["mx.example.test", "PIPELINING", "SIZE 10240000", "8BITMIME", "DSN", "SMTPUTF8", "CHUNKING"]);

    private static readonly EhloCapabilities SevenBitOnly = EhloCapabilities.Parse(["old.example", "SIZE 1000000"]);

    private static MimeMessage Parse(byte[] bytes) => MimeMessage.Load(new MemoryStream(bytes));

    [Fact]
    public void ChineseSubject_IsRfc2047Encoded_AndDecodesBack()
    {
        var draft = new MessageDraft { From = "alice@example.test", To = ["bob@example.test"], Subject = "报告 Q3", Text = "hello" };
        var composed = MessageComposer.Compose(draft, Postfix);
        string head = System.Text.Encoding.ASCII.GetString(composed.Bytes);
        Assert.Matches(@"(?m)^Subject: =\?utf-8\?[bBqQ]\?", head);
        Assert.Equal("报告 Q3", Parse(composed.Bytes).Subject);
        Assert.False(composed.EightBit);
        Assert.False(composed.UseBdat);
        Assert.Equal("MAIL FROM:<alice@example.test> SIZE=" + composed.Bytes.Length, composed.MailFromCommand);
        Assert.Contains(composed.Notes, n => n.Contains("RFC 2047"));
    }

    [Fact]
    public void EightBitText_WithEightBitMimeAndChunking_UsesBodyParameterAndBdat()
    {
        var draft = new MessageDraft { From = "alice@example.test", To = ["bob@example.test"], Subject = "hi", Text = "你好，世界" };
        var composed = MessageComposer.Compose(draft, Postfix);
        Assert.True(composed.EightBit);
        Assert.True(composed.UseBdat);
        Assert.Contains(new MailParameter("BODY", "8BITMIME"), composed.MailParameters);
        Assert.Equal("你好，世界", Parse(composed.Bytes).TextBody!.TrimEnd());
    }

    [Fact]
    public void EightBitText_WithoutEightBitMime_IsEncodedSevenBit()
    {
        var draft = new MessageDraft { From = "alice@example.test", To = ["bob@example.test"], Subject = "hi", Text = "grüße" };
        var composed = MessageComposer.Compose(draft, SevenBitOnly);
        Assert.False(composed.EightBit);
        Assert.DoesNotContain(composed.MailParameters, p => p.Keyword == "BODY");
        Assert.False(composed.UseBdat);
        Assert.Equal("grüße", Parse(composed.Bytes).TextBody!.TrimEnd());
    }

    [Fact]
    public void TextHtmlAndAttachment_MakeMixedAlternative_WithBytesIntact()
    {
        string file = Path.Combine(Path.GetTempPath(), $"report-{Guid.NewGuid():N}.pdf");
        byte[] content = [.. Enumerable.Range(0, 3000).Select(i => (byte)(i * 7))];
        File.WriteAllBytes(file, content);
        try
        {
            var draft = new MessageDraft
            {
                From = "Alice <alice@example.test>", To = ["bob@example.test"], Cc = ["carol@example.test"], Bcc = ["dave@example.test"],
                Subject = "files", Text = "see attached", Html = "<p>see attached</p>", Attachments = [file],
            };
            var composed = MessageComposer.Compose(draft, Postfix);
            var message = Parse(composed.Bytes);
            Assert.Equal("multipart/mixed", message.Body!.ContentType.MimeType);
            Assert.Equal("see attached", message.TextBody!.TrimEnd());
            Assert.Contains("<p>see attached</p>", message.HtmlBody!);
            var attachment = Assert.IsType<MimePart>(Assert.Single(message.Attachments));
            using var decoded = new MemoryStream();
            attachment.Content!.DecodeTo(decoded);
            Assert.Equal(content, decoded.ToArray());
            Assert.Equal(["bob@example.test", "carol@example.test", "dave@example.test"], composed.Recipients);
            Assert.DoesNotContain("dave@", System.Text.Encoding.ASCII.GetString(composed.Bytes));
            Assert.False(string.IsNullOrEmpty(message.MessageId));
            Assert.EndsWith("@example.test", message.MessageId!);
            Assert.Contains("attachments: " + Path.GetFileName(file), MessageComposer.Describe(composed));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void NonAsciiAddress_AddsSmtpUtf8_AndWarnsWhenNotAdvertised()
    {
        var draft = new MessageDraft { From = "jörg@example.test", To = ["bob@example.test"], Subject = "x", Text = "x" };
        Assert.Contains(new MailParameter("SMTPUTF8", null), MessageComposer.Compose(draft, Postfix).MailParameters);
        Assert.Contains(MessageComposer.Compose(draft, SevenBitOnly).Warnings, w => w.Contains("SMTPUTF8"));
    }

    [Fact]
    public void DsnOptions_BecomeXTextEncodedParameters()
    {
        var draft = new MessageDraft { From = "a@example.test", To = ["b@example.test"], Subject = "x", Text = "x", Return = "HDRS", EnvelopeId = "id=1 2", Notify = "SUCCESS,FAILURE" };
        var composed = MessageComposer.Compose(draft, Postfix);
        Assert.EndsWith(" RET=HDRS ENVID=id+3D1+202", composed.MailFromCommand);
        Assert.Equal("RCPT TO:<b@example.test> NOTIFY=SUCCESS,FAILURE", composed.RcptToCommand("b@example.test"));
        Assert.Empty(composed.Warnings);
        Assert.Contains(MessageComposer.Compose(draft, SevenBitOnly).Warnings, w => w.Contains("did not advertise DSN"));
    }

    [Fact]
    public void ForcedTransfer_IsRespected()
    {
        var draft = new MessageDraft { From = "a@example.test", To = ["b@example.test"], Subject = "x", Text = "x", Transfer = MessageTransfer.Bdat };
        Assert.True(MessageComposer.Compose(draft, Postfix).UseBdat);
        Assert.Contains(MessageComposer.Compose(draft, SevenBitOnly).Warnings, w => w.Contains("CHUNKING"));
        Assert.False(MessageComposer.Compose(draft with { Text = "你好", Transfer = MessageTransfer.Data }, Postfix).UseBdat);
    }

    [Theory]
    [InlineData("", "bob@example.test", "--from")]
    [InlineData("alice@example.test", "not an address", "--to")]
    public void BadDraft_SaysWhichField(string from, string to, string field)
    {
        var ex = Assert.Throws<MessageComposeException>(() => MessageComposer.Compose(new MessageDraft { From = from, To = [to], Subject = "x" }, Postfix));
        Assert.Contains(field, ex.Message);
    }

    [Fact]
    public void MissingAttachment_IsAComposeError()
    {
        var draft = new MessageDraft { From = "a@example.test", To = ["b@example.test"], Subject = "x", Attachments = ["/nonexistent/file.pdf"] };
        Assert.Contains("cannot attach", Assert.Throws<MessageComposeException>(() => MessageComposer.Compose(draft, Postfix)).Message);
    }

    [Fact]
    public void ComposeLine_ParsesIntoTheDraft()
    {
        var command = Assert.IsType<ComposeCommand>(CommandLineParser.Parse(
            "/compose --from alice@example.test --to bob@example.test,carol@x.test --cc dave@x.test --subject \"报告 Q3\" --text \"line1\\nline2\" --html \"<p>hi</p>\" --attach @file.pdf --bdat --notify success,failure"));
        var d = command.Draft;
        Assert.Equal("alice@example.test", d.From);
        Assert.Equal(["bob@example.test", "carol@x.test"], d.To);
        Assert.Equal(["dave@x.test"], d.Cc);
        Assert.Equal("报告 Q3", d.Subject);
        Assert.Equal("line1\nline2", d.Text);
        Assert.Equal("<p>hi</p>", d.Html);
        Assert.Equal(["file.pdf"], d.Attachments);
        Assert.Equal(MessageTransfer.Bdat, d.Transfer);
        Assert.Equal("SUCCESS,FAILURE", d.Notify);
    }

    [Theory]
    [InlineData("/compose --to b@x.test --subject s", "--from is required")]
    [InlineData("/compose --from a@x.test --subject s", "at least one --to")]
    [InlineData("/compose --from a@x.test --to b@x.test", "--subject is required")]
    [InlineData("/compose --from a@x.test --to b@x.test --subject s --bdat --data", "choose one of --bdat and --data")]
    [InlineData("/compose --from a@x.test --to b@x.test --subject s --notify NEVER,DELAY", "NEVER cannot be combined")]
    [InlineData("/compose --from a@x.test --to b@x.test --subject s --colour red", "unknown option --colour")]
    public void ComposeLine_Mistakes_AreSyntaxErrors(string line, string expected) =>
        Assert.Contains(expected, Assert.Throws<CommandSyntaxException>(() => CommandLineParser.Parse(line)).Message);

    [Fact]
    public void DraftToCommandLine_RoundTripsThroughTheParser()
    {
        var draft = new MessageDraft
        {
            From = "Alice <alice@example.test>", To = ["bob@example.test"], Cc = ["c@x.test"], Subject = "it's \"quoted\" 报告",
            Text = "a\nb", Html = "<p class='x'>hi</p>", Attachments = ["dir with space/f.pdf"], Transfer = MessageTransfer.Data,
            Return = "FULL", EnvelopeId = "e 1", Notify = "DELAY",
        };
        var parsed = Assert.IsType<ComposeCommand>(CommandLineParser.Parse(draft.ToCommandLine())).Draft;
        Assert.Equal(draft.From, parsed.From);
        Assert.Equal(draft.To, parsed.To);
        Assert.Equal(draft.Cc, parsed.Cc);
        Assert.Equal(draft.Subject, parsed.Subject);
        Assert.Equal(draft.Text, parsed.Text);
        Assert.Equal(draft.Html, parsed.Html);
        Assert.Equal(draft.Attachments, parsed.Attachments);
        Assert.Equal(draft.Transfer, parsed.Transfer);
        Assert.Equal(draft.EnvelopeId, parsed.EnvelopeId);
    }
}
