using System.Text;

namespace SmtpConsole.PracticeServer.Tests;

/// <summary>MAIL, RCPT and DATA: each mistake gets the reply Postfix gives for it.</summary>
public sealed class PracticeSessionTransactionTests
{
    [Fact]
    public void Mail_before_hello_is_a_bad_sequence()
    {
        Assert.Equal("503 5.5.1 Error: send HELO/EHLO first", new SessionDriver().Send("MAIL FROM:<a@b.example>"));
    }

    [Fact]
    public void Nested_mail_is_a_bad_sequence()
    {
        var driver = new SessionDriver().Ready();
        driver.Send("MAIL FROM:<a@b.example>");
        Assert.Equal("503 5.5.1 Error: nested MAIL command", driver.Send("MAIL FROM:<a@b.example>"));
    }

    [Fact]
    public void Rcpt_before_mail_is_a_bad_sequence()
    {
        Assert.Equal("503 5.5.1 Error: need MAIL command", new SessionDriver().Ready().Send("RCPT TO:<a@practice.smtpconsole.test>"));
    }

    [Fact]
    public void Data_before_mail_needs_rcpt()
    {
        Assert.Equal("503 5.5.1 Error: need RCPT command", new SessionDriver().Ready().Send("DATA"));
    }

    [Fact]
    public void Data_after_mail_without_accepted_recipients_has_no_valid_recipients()
    {
        var driver = new SessionDriver().Ready();
        driver.Send("MAIL FROM:<a@b.example>");
        driver.Send("RCPT TO:<someone@elsewhere.example>");
        Assert.Equal("554 5.5.1 Error: no valid recipients", driver.Send("DATA"));
    }

    [Fact]
    public void Data_with_an_argument_is_a_syntax_error()
    {
        var driver = new SessionDriver().Ready();
        driver.Send("MAIL FROM:<a@b.example>");
        driver.Send("RCPT TO:<x@practice.smtpconsole.test>");
        Assert.Equal("501 5.5.4 Syntax: DATA", driver.Send("DATA now"));
    }

    [Theory]
    [InlineData("MAIL")]
    [InlineData("MAIL FROM:")]
    [InlineData("MAIL FROM <a@b.example>")]
    [InlineData("MAIL TO:<a@b.example>")]
    [InlineData("MAIL <a@b.example>")]
    public void Mail_syntax_errors(string command)
    {
        Assert.Equal("501 5.5.4 Syntax: MAIL FROM:<address>", new SessionDriver().Ready().Send(command));
    }

    [Theory]
    [InlineData("MAIL FROM:<a@b.example")]
    [InlineData("MAIL FROM:<a b@c.example>")]
    [InlineData("MAIL FROM:<@>")]
    [InlineData("MAIL FROM:<a@>")]
    [InlineData("MAIL FROM:<a@-b.example>")]
    [InlineData("MAIL FROM:<a,b@c.example>")]
    [InlineData("MAIL FROM:<a@b..example>")]
    public void Bad_sender_addresses(string command)
    {
        Assert.Equal("501 5.1.7 Bad sender address syntax", new SessionDriver().Ready().Send(command));
    }

    [Theory]
    [InlineData("MAIL FROM:<demo@practice.smtpconsole.test>")]
    [InlineData("MAIL FROM: <demo@practice.smtpconsole.test>")]
    [InlineData("MAIL FROM:demo@practice.smtpconsole.test")]
    [InlineData("MAIL FROM:<>")]
    [InlineData("MAIL FROM:<\"john doe\"@example.org>")]
    [InlineData("MAIL FROM:<@relay.example:demo@example.org>")]
    [InlineData("MAIL FROM:<demo@[127.0.0.1]>")]
    [InlineData("MAIL FROM:<jürgen@bücher.example> SMTPUTF8")]
    [InlineData("MAIL FROM:<a@b.example> SIZE=100 BODY=7BIT RET=HDRS ENVID=abc+2B1 AUTH=<>")]
    public void Acceptable_senders(string command)
    {
        Assert.Equal("250 2.1.0 Ok", new SessionDriver().Ready().Send(command));
    }

    [Theory]
    [InlineData("RCPT")]
    [InlineData("RCPT TO:")]
    [InlineData("RCPT TO <a@practice.smtpconsole.test>")]
    [InlineData("RCPT FROM:<a@practice.smtpconsole.test>")]
    public void Rcpt_syntax_errors(string command)
    {
        var driver = new SessionDriver().Ready();
        driver.Send("MAIL FROM:<a@b.example>");
        Assert.Equal("501 5.5.4 Syntax: RCPT TO:<address>", driver.Send(command));
    }

    [Theory]
    [InlineData("RCPT TO:<>")]
    [InlineData("RCPT TO:<a@practice.smtpconsole.test")]
    [InlineData("RCPT TO:<a b@practice.smtpconsole.test>")]
    [InlineData("RCPT TO:<a@practice.smtpconsole.test:x>")]
    public void Bad_recipient_addresses(string command)
    {
        var driver = new SessionDriver().Ready();
        driver.Send("MAIL FROM:<a@b.example>");
        Assert.Equal("501 5.1.3 Bad recipient address syntax", driver.Send(command));
    }

    [Theory]
    [InlineData("RCPT TO:<anyone@practice.smtpconsole.test>")]
    [InlineData("RCPT TO:<anyone@PRACTICE.SMTPCONSOLE.TEST>")]
    [InlineData("RCPT TO:<root@localhost>")]
    [InlineData("RCPT TO:<postmaster>")]
    [InlineData("RCPT TO:<a@practice.smtpconsole.test> NOTIFY=SUCCESS,FAILURE ORCPT=rfc822;a+40practice.smtpconsole.test")]
    [InlineData("RCPT TO:<a@practice.smtpconsole.test> NOTIFY=NEVER")]
    public void Local_recipients_need_no_authentication(string command)
    {
        var driver = new SessionDriver().Ready();
        driver.Send("MAIL FROM:<a@b.example>");
        Assert.Equal("250 2.1.5 Ok", driver.Send(command));
    }

    [Fact]
    public void Relaying_without_authentication_is_denied_with_postfix_text()
    {
        var driver = new SessionDriver().Ready();
        driver.Send("MAIL FROM:<demo@practice.smtpconsole.test>");
        Assert.Equal("554 5.7.1 <friend@example.org>: Relay access denied", driver.Send("RCPT TO:<friend@example.org>"));
    }

    [Fact]
    public void Relaying_is_allowed_after_authentication()
    {
        var driver = new SessionDriver(tls: true).Ready(authenticate: true);
        driver.Send("MAIL FROM:<demo@practice.smtpconsole.test>");
        Assert.Equal("250 2.1.5 Ok", driver.Send("RCPT TO:<friend@example.org>"));
    }

    [Theory]
    [InlineData("MAIL FROM:<a@b.example> SIZE=abc", "501 5.5.4 Bad message size syntax")]
    [InlineData("MAIL FROM:<a@b.example> SIZE=", "501 5.5.4 Bad message size syntax")]
    [InlineData("MAIL FROM:<a@b.example> SIZE=-1", "501 5.5.4 Bad message size syntax")]
    [InlineData("MAIL FROM:<a@b.example> SIZE=10485761", "552 5.3.4 Message size exceeds fixed limit")]
    [InlineData("MAIL FROM:<a@b.example> SIZE=99999999999999999999999", "552 5.3.4 Message size exceeds file system imposed limit")]
    [InlineData("MAIL FROM:<a@b.example> BODY=BINARYMIME", "555 5.5.4 Unsupported option: BODY=BINARYMIME")]
    [InlineData("MAIL FROM:<a@b.example> FOO=bar", "555 5.5.4 Unsupported option: FOO=bar")]
    [InlineData("MAIL FROM:<a@b.example> SMTPUTF8=yes", "555 5.5.4 Unsupported option: SMTPUTF8=yes")]
    [InlineData("MAIL FROM:<a@b.example> RET=ALL", "501 5.5.4 Bad RET parameter syntax")]
    [InlineData("MAIL FROM:<a@b.example> RET=FULL RET=HDRS", "501 5.5.4 Bad RET parameter syntax")]
    [InlineData("MAIL FROM:<a@b.example> ENVID=a+0A", "501 5.5.4 Bad ENVID parameter syntax")]
    public void Mail_parameter_errors(string command, string expected)
    {
        Assert.Equal(expected, new SessionDriver().Ready().Send(command));
    }

    [Theory]
    [InlineData("RCPT TO:<a@practice.smtpconsole.test> NOTIFY=SOMETIMES", "501 5.5.4 Error: Bad NOTIFY parameter syntax")]
    [InlineData("RCPT TO:<a@practice.smtpconsole.test> NOTIFY=NEVER,SUCCESS", "501 5.5.4 Error: Bad NOTIFY parameter syntax")]
    [InlineData("RCPT TO:<a@practice.smtpconsole.test> ORCPT=rfc822", "501 5.5.4 Error: Bad ORCPT parameter syntax")]
    [InlineData("RCPT TO:<a@practice.smtpconsole.test> SIZE=1", "555 5.5.4 Unsupported option: SIZE=1")]
    public void Rcpt_parameter_errors(string command, string expected)
    {
        var driver = new SessionDriver().Ready();
        driver.Send("MAIL FROM:<a@b.example>");
        Assert.Equal(expected, driver.Send(command));
    }

    [Fact]
    public void Too_many_recipients_gets_452()
    {
        var driver = new SessionDriver(new PracticeServerOptions { MaxRecipients = 2 }).Ready();
        driver.Send("MAIL FROM:<a@b.example>");
        driver.Send("RCPT TO:<1@practice.smtpconsole.test>");
        driver.Send("RCPT TO:<2@practice.smtpconsole.test>");
        Assert.Equal("452 4.5.3 Error: too many recipients", driver.Send("RCPT TO:<3@practice.smtpconsole.test>"));
    }

    [Fact]
    public void Message_over_the_limit_is_read_to_the_end_then_refused_with_552()
    {
        var driver = new SessionDriver(new PracticeServerOptions { MaxMessageSize = 10 }).Ready();
        driver.Send("MAIL FROM:<a@b.example>");
        driver.Send("RCPT TO:<x@practice.smtpconsole.test>");
        driver.Send("DATA");
        Assert.Equal("552 5.3.4 Error: message file too big", driver.Content("0123456789A"));
        Assert.Equal(0, driver.Inbox.Count);
        Assert.False(driver.Session.IsInMailTransaction);
    }

    [Fact]
    public void Message_exactly_at_the_limit_is_accepted()
    {
        var driver = new SessionDriver(new PracticeServerOptions { MaxMessageSize = 10 }).Ready();
        driver.Send("MAIL FROM:<a@b.example>");
        driver.Send("RCPT TO:<x@practice.smtpconsole.test>");
        driver.Send("DATA");
        Assert.StartsWith("250 2.0.0 Ok: queued as", driver.Content("0123456789"));
    }

    [Fact]
    public void Content_is_stored_byte_for_byte_including_8bit_and_bare_line_feeds()
    {
        var driver = new SessionDriver().Ready();
        driver.Send("MAIL FROM:<a@b.example> BODY=8BITMIME");
        driver.Send("RCPT TO:<x@practice.smtpconsole.test>");
        driver.Send("DATA");
        byte[] content = [.. "Subject: caf"u8, 0xC3, 0xA9, .. "\r\n\r\nline\nbare\r\n\0binary\r\n"u8];
        driver.Content(content);
        Assert.Equal(content, driver.Inbox.Messages[0].RawBytes);
    }

    [Fact]
    public void Unauthenticated_local_delivery_records_no_user()
    {
        var driver = new SessionDriver().Ready();
        driver.Send("MAIL FROM:<a@b.example>");
        driver.Send("RCPT TO:<x@practice.smtpconsole.test>");
        driver.Send("DATA");
        driver.Content(Encoding.ASCII.GetBytes("x\r\n"));
        var message = driver.Inbox.Messages[0];
        Assert.Null(message.AuthenticatedUser);
        Assert.False(message.UsedTls);
        Assert.Null(message.ClientEndPoint);
    }
}
