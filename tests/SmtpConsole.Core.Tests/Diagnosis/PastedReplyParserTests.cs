using SmtpConsole.Core.Diagnosis;
using SmtpConsole.Core.Protocol;

namespace SmtpConsole.Core.Tests.Diagnosis;

public sealed class PastedReplyParserTests
{
    private static ReplyFacts Ok(string text)
    {
        var r = PastedReplyParser.Parse(text);
        Assert.True(r.IsSuccess, r.Error);
        return r.Facts!;
    }

    [Fact]
    public void BareSingleLine()
    {
        var f = Ok("535 5.7.8 Error: authentication failed: authentication failure");
        Assert.Equal(535, f.Code);
        Assert.Equal(new EnhancedStatusCode(5, 7, 8), f.Enhanced);
        Assert.Equal("Error: authentication failed: authentication failure", f.Text);
        Assert.Null(f.Phase);
        Assert.False(f.CodeInferred);
    }

    [Fact]
    public void MultiLine_IsJoinedAndEnhancedStripped()
    {
        var f = Ok("535-5.7.8 Username and Password not accepted. Learn more at\r\n535 5.7.8 https://support.google.com/mail/?p=BadCredentials x - gsmtp\r\n");
        Assert.Equal(2, f.Lines.Count);
        Assert.Equal("Username and Password not accepted. Learn more at", f.Lines[0]);
        Assert.StartsWith("https://support.google.com", f.Lines[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("S: 535 5.7.3 Authentication unsuccessful")]
    [InlineData("<- 535 5.7.3 Authentication unsuccessful")]
    [InlineData("< 535 5.7.3 Authentication unsuccessful")]
    [InlineData("<<< 535 5.7.3 Authentication unsuccessful")]
    [InlineData("SERVER -> CLIENT: 535 5.7.3 Authentication unsuccessful")]
    [InlineData("2024-05-01 10:11:12 SERVER -> CLIENT: 535 5.7.3 Authentication unsuccessful")]
    [InlineData("[2022-11-16 11:57:26] DEBUG [lHr1v5x3A] S: 535 5.7.3 Authentication unsuccessful")]
    [InlineData("SMTP< 535 5.7.3 Authentication unsuccessful")]
    [InlineData("    535 5.7.3 Authentication unsuccessful")]
    [InlineData("reply: b'535 5.7.3 Authentication unsuccessful\\r\\n'")]
    public void TranscriptPrefixes(string line)
    {
        var f = Ok(line);
        Assert.Equal(535, f.Code);
        Assert.Equal("5.7.3", f.Enhanced.ToString());
        Assert.Equal("Authentication unsuccessful", f.Text);
    }

    [Fact]
    public void Transcript_PhaseFromLastClientCommand_AndLastErrorChosen()
    {
        var f = Ok("""
            S: 220 mail.example.org ESMTP Postfix
            C: EHLO me
            S: 250-mail.example.org
            S: 250 AUTH PLAIN LOGIN
            C: AUTH LOGIN
            S: 334 VXNlcm5hbWU6
            C: dXNlcg==
            S: 334 UGFzc3dvcmQ6
            C: cGFzcw==
            S: 535 5.7.8 Error: authentication failed: authentication failure
            C: QUIT
            S: 221 2.0.0 Bye
            """);
        Assert.Equal(535, f.Code);
        Assert.Equal("AUTH", f.Phase);
        Assert.Equal("mail.example.org ESMTP Postfix", f.Greeting);
    }

    [Fact]
    public void PostfixBounce_SaidAndInReplyTo()
    {
        var f = Ok("""
            <someone@icloud.com>: host mx01.mail.icloud.com[17.57.154.6] said:
                554 5.7.1 [CS01] Message rejected due to local policy. Please visit
                https://support.apple.com/en-us/HT204137 (in reply to end of DATA command)
            """);
        Assert.Equal(554, f.Code);
        Assert.Equal("DATA", f.Phase);
        Assert.Equal("mx01.mail.icloud.com", f.Host);
        Assert.Contains("HT204137", f.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("in reply to", f.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void PostfixBounce_RewrappedMultiLineReply()
    {
        var f = Ok("""
            <x@gmail.com>: host
                alt1.gmail-smtp-in.l.google.com[209.85.200.26] said: 421-4.7.0 This message
                does not have authentication information or fails to pass 421-4.7.0
                authentication checks. To best protect our users from spam, the 421-4.7.0
                message has been blocked. Please visit 421-4.7.0
                https://support.google.com/mail/answer/81126#authentication for more 421
                4.7.0 information. o65-v6si298486ite.142 - gsmtp (in reply to end of DATA
                command)
            """);
        Assert.Equal(421, f.Code);
        Assert.Equal("4.7.0", f.Enhanced.ToString());
        Assert.Equal("DATA", f.Phase);
        Assert.Equal(5, f.Lines.Count);
        Assert.DoesNotContain("421", f.Text, StringComparison.Ordinal);
        Assert.Equal("alt1.gmail-smtp-in.l.google.com", f.Host);
    }

    [Fact]
    public void PostfixSaslLog_IsAuth()
    {
        var f = Ok("Jan 10 10:00:00 host postfix/smtp[123]: warning: SASL authentication failure: ... SASL authentication failed; server smtp.gmail.com[142.250.1.1] said: 535-5.7.8 Username and Password not accepted.");
        Assert.Equal(535, f.Code);
        Assert.Equal("AUTH", f.Phase);
        Assert.Equal("smtp.gmail.com", f.Host);
    }

    [Fact]
    public void EximBounce_AfterRcptTo()
    {
        var f = Ok("""
            SMTP error from remote mail server after RCPT TO:<someone@example.net>:
                host mail.example.org [192.0.2.7]: 550 relay not permitted
            """);
        Assert.Equal(550, f.Code);
        Assert.Equal("RCPT", f.Phase);
        Assert.Equal("mail.example.org", f.Host);
        Assert.Equal("relay not permitted", f.Text);
    }

    [Fact]
    public void EximLogLine_SameLine()
    {
        var f = Ok("2024-01-01 12:00:00 1rT3-000 ** a@b.example R=dnslookup T=remote_smtp H=mx.b.example [192.0.2.9]: SMTP error from remote mail server after end of data: 550 5.7.1 Message rejected");
        Assert.Equal(550, f.Code);
        Assert.Equal("DATA", f.Phase);
        Assert.Equal("mx.b.example", f.Host);
    }

    [Theory]
    [InlineData("Error: Invalid login: 535-5.7.8 Username and Password not accepted.", 535, "AUTH")]
    [InlineData("Error: Mail command failed: 530 5.7.0 Authentication required", 530, "MAIL")]
    [InlineData("Error: Recipient command failed: 550 5.1.1 User unknown", 550, "RCPT")]
    [InlineData("Error: Message failed: 554 DT:SPM 163 smtp14,EsCow", 554, "DATA")]
    public void Nodemailer(string text, int code, string phase)
    {
        var f = Ok(text);
        Assert.Equal(code, f.Code);
        Assert.Equal(phase, f.Phase);
    }

    [Fact]
    public void NodemailerObjectDump_UsesCommandField()
    {
        var f = Ok("""
            { Error: Invalid login: 535 Error: authentication failed
                at SMTPConnection._formatError (/app/node_modules/nodemailer/lib/smtp-connection/index.js:605:19)
              code: 'EAUTH',
              response: '535 Error: authentication failed',
              responseCode: 535,
              command: 'AUTH PLAIN' }
            """);
        Assert.Equal(535, f.Code);
        Assert.Equal("Error: authentication failed", f.Text);
        Assert.Equal("AUTH", f.Phase);
    }

    [Theory]
    [InlineData("SMTP ERROR: Password command failed: 535 5.7.8 Error: authentication failed", "AUTH")]
    [InlineData("SMTP ERROR: MAIL FROM command failed: 550 5.7.60 SMTP; Client does not have permissions to send as this sender", "MAIL")]
    [InlineData("SMTP ERROR: RCPT TO command failed: 554 5.7.1 <x@y>: Relay access denied", "RCPT")]
    [InlineData("SMTP ERROR: DATA END command failed: 554 5.7.1 spam", "DATA")]
    public void PhpMailer(string text, string phase) => Assert.Equal(phase, Ok(text).Phase);

    [Fact]
    public void SwiftMailer_ExpectedResponseCode()
    {
        var f = Ok("Expected response code 235 but got code \"535\", with message \"535 5.7.0 Mailgun is not loving your login or password \"");
        Assert.Equal(535, f.Code);
        Assert.Equal("Mailgun is not loving your login or password", f.Text);
        Assert.Equal("AUTH", f.Phase);
    }

    [Fact]
    public void Smtplib_TupleWithEscapedNewlines()
    {
        var f = Ok("smtplib.SMTPAuthenticationError: (534, b'5.7.9 Application-specific password required. Learn more at\\n5.7.9  https://support.google.com/mail/?p=InvalidSecondFactor z8 - gsmtp')");
        Assert.Equal(534, f.Code);
        Assert.Equal("5.7.9", f.Enhanced.ToString());
        Assert.Equal(2, f.Lines.Count);
        Assert.Equal("AUTH", f.Phase);
    }

    [Fact]
    public void Smtplib_GbkEscapes_KeepAsciiParts()
    {
        var f = Ok(@"SMTPAuthenticationError: (535, 'Error: \xc7\xeb\xca\xb9\xd3\xc3: http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=28&&no=1001256')");
        Assert.Equal(535, f.Code);
        Assert.Contains("no=1001256", f.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void JavaMail_Exception()
    {
        var f = Ok("javax.mail.AuthenticationFailedException: 535 5.7.139 Authentication unsuccessful, basic authentication is disabled. [BM1P287CA0015.INDP287.PROD.OUTLOOK.COM]");
        Assert.Equal(535, f.Code);
        Assert.Equal("AUTH", f.Phase);
    }

    [Fact]
    public void MailKit_StatusNameInsteadOfCode()
    {
        var f = Ok("MailKit.Security.AuthenticationException: AuthenticationInvalidCredentials: 5.7.3 Authentication unsuccessful [BN3PR03CA0067.namprd03.prod.outlook.com]");
        Assert.Equal(535, f.Code);
        Assert.False(f.CodeInferred);
        Assert.Equal("AUTH", f.Phase);
    }

    [Fact]
    public void SystemNetMail_MapsSentenceToCode()
    {
        var f = Ok("The SMTP server requires a secure connection or the client was not authenticated. The server response was: 5.7.57 Client not authenticated to send mail.");
        Assert.Equal(530, f.Code);
        Assert.Equal("5.7.57", f.Enhanced.ToString());
    }

    [Fact]
    public void EnhancedOnly_InfersClassCode()
    {
        var f = Ok("main.CRITICAL: 5.7.57 SMTP; Client was not authenticated to send anonymous mail during MAIL FROM");
        Assert.True(f.CodeInferred);
        Assert.Equal(500, f.Code);
    }

    [Fact]
    public void Ruby_NetSmtp()
    {
        var f = Ok("Net::SMTPAuthenticationError: 535 Authentication failed: Bad username / password");
        Assert.Equal(535, f.Code);
        Assert.Equal("Authentication failed: Bad username / password", f.Text);
        Assert.Equal("AUTH", f.Phase);
    }

    [Fact]
    public void HostFromLogText()
    {
        var f = Ok("... while talking to email-smtp.us-east-1.amazonaws.com:\n>>> MAIL From:<a@b.c>\n<<< 530 Authentication required");
        Assert.Equal("email-smtp.us-east-1.amazonaws.com", f.Host);
        Assert.Equal("MAIL", f.Phase);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n  ")]
    [InlineData("connection timed out after 30 seconds on port 465")]
    [InlineData("Could not connect to SMTP host")]
    public void NoReplyCode_IsAClearError(string text)
    {
        var r = PastedReplyParser.Parse(text);
        Assert.False(r.IsSuccess);
        Assert.False(string.IsNullOrWhiteSpace(r.Error));
    }

    [Fact]
    public void PortNumbers_AreNotReplies()
    {
        var r = PastedReplyParser.Parse("Connecting to smtp.example.com port: 465 (SSL) timeout: 300 seconds");
        Assert.False(r.IsSuccess);
    }

    [Fact]
    public void FromReplyLines_BuildsFacts()
    {
        var f = ReplyFacts.FromReplyLines(["535-5.7.8 Username and Password not accepted.", "535 5.7.8 https://x - gsmtp"]);
        Assert.Equal(535, f.Code);
        Assert.Equal("5.7.8", f.Enhanced.ToString());
        Assert.Equal(["Username and Password not accepted.", "https://x - gsmtp"], f.Lines);
        Assert.Throws<FormatException>(() => ReplyFacts.FromReplyLines(["hello"]));
    }

    [Theory]
    [InlineData("MAIL FROM", "MAIL"), InlineData("end of DATA", "DATA"), InlineData("RCPT TO", "RCPT"), InlineData("HELO", "EHLO")]
    [InlineData("initial connection", "CONNECT"), InlineData("pipelined RCPT TO", "RCPT"), InlineData("BDAT", "DATA"), InlineData("AUTH PLAIN", "AUTH")]
    [InlineData("bogus", null)]
    public void NormalizePhase(string input, string? expected) => Assert.Equal(expected, ReplyFacts.NormalizePhase(input));
}
