using SmtpConsole.Core.Diagnosis;
using SmtpConsole.Core.Protocol;

namespace SmtpConsole.Core.Tests.Diagnosis;

/// <summary>
/// Client libraries that print the code apart from the words (PEAR Net_SMTP, PHPMailer's "Detail: … SMTP code:")
/// and log lines that carry a host:port before the reply: the code must be the server's, never a port number.
/// </summary>
public sealed class LibraryWrapperParsingTests
{
    private static ReplyFacts Ok(string text)
    {
        var r = PastedReplyParser.Parse(text);
        Assert.True(r.IsSuccess, r.Error);
        return r.Facts!;
    }

    [Fact]
    public void PearNetSmtp_CodeAndResponse_AreOneReply_AndThePortIsNotTheCode()
    {
        // osTicket/osTicket#2519: the old parser took ":587" for the reply code.
        var f = Ok("Unable to email via SMTP:mail.example.com:587 [user@example.com] Failed to set sender: user@example.com [SMTP: Invalid response code received from server (code: 530, response: 5.7.1 Authentication required)]");
        Assert.Equal(530, f.Code);
        Assert.Equal(new EnhancedStatusCode(5, 7, 1), f.Enhanced);
        Assert.Equal("Authentication required", f.Text);
        Assert.Equal("MAIL", f.Phase);
    }

    [Fact]
    public void PhpMailerDetail_WordsBeforeTheCode_AreKept()
    {
        // WWBN/AVideo#1017: "Detail: <text>" then "SMTP code: 550" on the next line; the old parser kept only "550".
        var f = Ok("SMTP Error: data not accepted.SMTP server error: DATA END command failed Detail: 5.7.60 SMTP; Client does not have permissions to send as this sender [CY4PR1701MB1800.namprd17.prod.outlook.com]\nSMTP code: 550");
        Assert.Equal(550, f.Code);
        Assert.Equal(new EnhancedStatusCode(5, 7, 60), f.Enhanced);
        Assert.StartsWith("SMTP; Client does not have permissions to send as", f.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("relay=mail.example.com:465 said: 535 5.7.8 Error: authentication failed", 535)]
    [InlineData("connect to smtp.example.net:587 failed: 421 4.7.0 Try again later", 421)]
    [InlineData("delivery via smtp.example.net[192.0.2.7]:587: host smtp.example.net[192.0.2.7] said: 554 5.7.1 Rejected", 554)]
    public void HostPort_BeforeAReply_IsNotTakenForTheCode(string text, int code) => Assert.Equal(code, Ok(text).Code);

    [Fact]
    public void HostFollowedByColonAndSpace_StillQuotesTheReply()
    {
        var f = Ok("smtp.example.com: 550 5.1.1 <a@example.com>: Recipient address rejected: User unknown");
        Assert.Equal(550, f.Code);
    }

    [Theory]
    [InlineData("Failed to add recipient: bob@example.com [SMTP: Invalid response code received from server (code: 550, response: 5.1.1 User unknown)]", "RCPT")]
    [InlineData("Failed to set sender: a@example.com [SMTP: Invalid response code received from server (code: 553, response: 5.7.1 Sender address rejected: not owned by user)]", "MAIL")]
    public void PearNetSmtp_NamesTheCommand(string text, string phase) => Assert.Equal(phase, Ok(text).Phase);

    [Theory]
    [InlineData("SMTP Error (451): Failed to add recipient \"email@example.com\" (Temporary local problem - please try later).", 451, "RCPT")]
    [InlineData("Error SMTP: [550] Incorrect sender header (LOCAL)", 550, null)]
    [InlineData("SMTP Error (535): Authentication failed.", 535, null)]
    public void Roundcube_CodeInParenthesesOrBrackets_IsTheReplyCode(string text, int code, string? phase)
    {
        // outroll/vesta#2028, roundcube/roundcubemail#6572: the old parser found no reply (or no code) in these.
        var f = Ok(text);
        Assert.Equal(code, f.Code);
        Assert.False(f.CodeInferred);
        Assert.Equal(phase, f.Phase);
    }

    [Fact]
    public void MultiLineReply_WithABlankLineInside_IsOneReply()
    {
        // the-djmaze/snappymail#478: the old parser kept only the last line ("header From").
        var f = Ok("Failed to add recipient \"webmaster@example.com\": 550-\"Your IP: 192.0.2.3 : Your domain example.com is not allowed in\n\n550 header From\"");
        Assert.Equal(550, f.Code);
        Assert.Contains("is not allowed in", f.Text, StringComparison.Ordinal);
        Assert.Contains("header From", f.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void SmtplibSenderRefused_ThirdElement_IsNotPartOfTheReply()
    {
        // ProtonMail/proton-bridge#280: the old parser read "… not owned by user', 'no-reply@…" as the reply text.
        var f = Ok("smtplib.SMTPSenderRefused: (451, b'4.0.0 backend: invalid return path: not owned by user', 'no-reply@example.com')");
        Assert.Equal(451, f.Code);
        Assert.Equal("backend: invalid return path: not owned by user", f.Text);
    }

    [Fact]
    public void NodemailerResponseCodeLine_DoesNotHideTheWordedReply()
    {
        // nodemailer/nodemailer#386: "responseCode: 550" after "response: '550 5.7.1 …'" was taken as the reply, with no words.
        var f = Ok("{\n [Error: Can't send mail - all recipients were rejected]\n  code: 'EENVELOPE',\n  response: '550 5.7.1 Unable to relay for paris.team@example.com',\n  responseCode: 550\n }");
        Assert.Equal(550, f.Code);
        Assert.Equal(new EnhancedStatusCode(5, 7, 1), f.Enhanced);
        Assert.StartsWith("Unable to relay for", f.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Feb 12 16:31:16 matrix postfix/smtp[672]: AB822100873: to=<x@gmx.net>, relay=mail.gmx.net[212.227.17.190]:587, delay=0.43, dsn=5.0.0, status=bounced (host mail.gmx.net[212.227.17.190] said: 550-Requested action not taken: mailbox unavailable 550 Sender address is not allowed. (in reply to MAIL FROM command))")]
    [InlineData("delivery via smtp.ionos.de[213.165.67.113]:587: host smtp.ionos.de[213.165.67.113] said: 554-Transaction failed 554-Reject due to policy restrictions. (in reply to end of DATA command)")]
    public void ReplyFromTheSmarthostOnASubmissionPort_IsNotCalledARecipientBounce(string text)
    {
        // infertux/zeyple#49, homematic-community/hm_email#13: the user's own relay (port 587) refused the sender;
        // the old explanation said "delivery bounce: the recipient's mail server refused the message".
        var (e, error) = PastedReplyExplainer.Explain(text);
        Assert.True(e is not null, error);
        Assert.StartsWith("quoted by your mail server", e!.Origin, StringComparison.Ordinal);
    }

    [Fact]
    public void ReplyFromTheRecipientsMxOnPort25_StaysADeliveryBounce()
    {
        var (e, _) = PastedReplyExplainer.Explain("postfix/smtp[1]: to=<a@gmail.com>, relay=aspmx.l.google.com[192.0.2.1]:25, status=bounced (host aspmx.l.google.com[192.0.2.1] said: 550-5.7.1 The IP you're using to send mail is not authorized (in reply to end of DATA command))");
        Assert.StartsWith("delivery bounce", e!.Origin, StringComparison.Ordinal);
    }
}
