using System.Text;

namespace SmtpConsole.PracticeServer.Tests;

public sealed class ReceivedMessageTests
{
    private static ReceivedMessage WithContent(string content) => new()
    {
        Id = "0123456789",
        ReceivedAt = DateTimeOffset.Now,
        MailFrom = "",
        Recipients = ["x@practice.smtpconsole.test"],
        MailParameters = [],
        RawBytes = Encoding.UTF8.GetBytes(content),
    };

    [Fact]
    public void Parses_headers_and_text_body_for_display()
    {
        var message = WithContent("From: Demo <demo@practice.smtpconsole.test>\r\nSubject: =?UTF-8?Q?caf=C3=A9?=\r\n\r\nHello\r\n").ToMimeMessage();
        Assert.Equal("café", message.Subject);
        Assert.Equal("demo@practice.smtpconsole.test", message.From.Mailboxes.Single().Address);
        Assert.Equal("Hello", message.TextBody?.TrimEnd());
    }

    [Fact]
    public void Parses_multipart_messages()
    {
        var content = "Subject: parts\r\nMIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=b\r\n\r\n"
            + "--b\r\nContent-Type: text/plain\r\n\r\nplain text\r\n--b\r\nContent-Type: text/html\r\n\r\n<p>html</p>\r\n--b--\r\n";
        var message = WithContent(content).ToMimeMessage();
        Assert.Equal("plain text", message.TextBody?.TrimEnd());
        Assert.Equal("<p>html</p>", message.HtmlBody?.TrimEnd());
    }

    [Theory]
    [InlineData("")]
    [InlineData("no headers at all, just text\r\n")]
    [InlineData("\r\n\r\n")]
    public void Never_throws_on_odd_content(string content)
    {
        var received = WithContent(content);
        Assert.NotNull(received.ToMimeMessage());
        Assert.Equal(Encoding.UTF8.GetByteCount(content), received.Size);
    }
}
