using System.Text.Json;
using SmtpConsole.Core.Diagnosis;

namespace SmtpConsole.Core.Tests.Diagnosis;

/// <summary>
/// Regression tests for the classes of misses in issue 14, each with a reply quoted verbatim from the public thread
/// named in the test (the corpus holds more of each class).
/// </summary>
public sealed class Issue14PatternTests
{
    private static Explanation Explain(string text, string? host = null, string? greeting = null)
    {
        var (explanation, error) = PastedReplyExplainer.Explain(text, f => f with { Host = host ?? f.Host, Greeting = greeting ?? f.Greeting });
        Assert.True(explanation is not null, error);
        return explanation!;
    }

    private static string Text(Explanation e) => string.Join('\n', ExplanationFormatter.FormatText(e));

    // §1 A known provider with a specific text beats the generic code rule, and a 4xx that never passes is not "retry later".

    [Fact] // zehm/sendEmail#1
    public void Microsoft_Tls10Refusal_NeedsTls12_NotARetry()
    {
        var e = Explain("Checking for SMTP success or error status in the message: 421 4.7.66 TLS 1.0 and 1.1 are not supported. Please upgrade/update your client to support TLS 1.2. Visit https://aka.ms/smtp_auth_tls. [SA9P221CA0019.NAMP221.PROD.OUTLOOK.COM]",
            host: "smtp.office365.com");
        Assert.Equal("m365-421-4.7.66-tls-version", e.Best?.Entry.Id);
        Assert.DoesNotContain("retrying later may work", e.ReplyClass, StringComparison.Ordinal);
        Assert.Contains("retrying unchanged will not help", e.ReplyClass, StringComparison.Ordinal);
    }

    [Theory] // nodemailer/nodemailer#1096, Monstarrrr/rebutify#162
    [InlineData("Error: Data command failed: 421 Domain sandbox9a7997dd70324f71bcb79336ab4c82ec.mailgun.org is not allowed to send: Sandbox subdomains are for test purposes only. Please add your own domain or add the address to authorized recipients in Account Settings.", "mailgun-421-sandbox-recipients")]
    [InlineData("421, b'Domain sandbox[XXXXX].mailgun.org is not allowed to send: Please activate your Mailgun account. Check your inbox or log in to your control panel to resend the activation email.", "mailgun-421-account-not-activated")]
    public void Mailgun_AccountStatesSentAs421(string text, string expected)
    {
        var e = Explain(text, host: "smtp.mailgun.org");
        Assert.Equal(expected, e.Best?.Entry.Id);
        Assert.False(e.Best!.Entry.RetryHelps);
        Assert.DoesNotContain("retrying later may work", Text(e), StringComparison.Ordinal);
    }

    /// <summary>A reverse-hostname refusal is never "retry later", whatever code an MTA is set to send it with.</summary>
    [Theory]
    [InlineData("451 4.7.1 Client host rejected: cannot find your reverse hostname, [203.0.113.5]", null, "postfix-450-cannot-find-hostname")]
    [InlineData("554 5.7.1 Client host rejected: cannot find your hostname, [203.0.113.5]", null, "postfix-450-cannot-find-hostname")]
    [InlineData("451 Temporary local problem: the reverse host name of 203.0.113.5 is missing", "mx.example.test", "generic-ptr-missing")]
    public void ReverseHostnameRefusal_WithAnyCode_IsNotARetry(string reply, string? host, string expected)
    {
        var e = Explain(reply, host: host);
        Assert.Equal(expected, e.Best?.Entry.Id);
        Assert.DoesNotContain("retrying later may work", e.ReplyClass, StringComparison.Ordinal);
    }

    [Fact] // cachethq/cachet#3052
    public void Zoho_UnusualActivity_PointsToUnblockPage_AndHidesTheRegistryTitle()
    {
        var e = Explain("Expected response code 250 but got code \"550\", with message \"550 5.4.6 Unusual sending activity detected. <a href=https://www.zoho.com/mail/help/usage-policy.html target=_blank>Learn more.</a> To unblock <a href=https://mail.zoho.com/UnblockMe target=_blank>Click here.</a>\n\"",
            host: "smtp.zoho.com");
        Assert.Equal("zoho-550-5.4.6-unusual-activity", e.Best?.Entry.Id);
        Assert.True(e.EnhancedMeaningMisleading);
        Assert.DoesNotContain("Routing loop detected (", Text(e), StringComparison.Ordinal);
        Assert.DoesNotContain("Routing loop", e.Summary, StringComparison.Ordinal);
    }

    [Fact] // nedimf/maildroid#17
    public void Yahoo_450_MeansAppPassword()
    {
        var e = Explain("com.sun.mail.smtp.SMTPSendFailedException: 450 Requested mail action not taken: mailbox unavailable.", host: "smtp.mail.yahoo.com");
        Assert.Equal("yahoo-450-app-password", e.Best?.Entry.Id);
        Assert.Contains("will not help", e.ReplyClass, StringComparison.Ordinal);
    }

    [Fact] // PHPMailer/PHPMailer#1287
    public void Yahoo_MbrCode_IsALoginRefusal()
    {
        var e = Explain("2017-12-13 13:50:36 SERVER -> CLIENT: 535 5.7.0 (#MBR1212) Incorrect username or password.", host: "smtp.mail.yahoo.com");
        Assert.Equal("yahoo-535-mbr-login-refused", e.Best?.Entry.Id);
    }

    [Fact] // mattermost/mattermost#13652
    public void Yahoo_RequestFailed_NamesTheSenderAddress()
    {
        var e = Explain("SendMail: 550 Request failed; Mailbox unavailable", host: "smtp.mail.yahoo.com");
        Assert.Equal("yahoo-550-request-failed-sender", e.Best?.Entry.Id);
    }

    [Theory] // alibaba/canal#554 (AliMail); the same non-standard 526 from a 263 host and from an unknown host
    [InlineData("smtp.qiye.aliyun.com", "aliyun-526-authentication-failure")]
    [InlineData("smtp.263.net", "263-535-auth-failed")]
    [InlineData(null, "generic-auth-failed-wording")]
    public void NonStandard526_AuthWording_IsALoginFailure(string? host, string expected)
    {
        var e = Explain("javax.mail.AuthenticationFailedException: 526 Authentication failure[0]", host: host);
        Assert.Equal(expected, e.Best?.Entry.Id);
    }

    [Fact]
    public void AuthWording_WinsOverTheGenericCodeRule_WhateverTheCode()
    {
        // SMTPDebug line quoted in PHPMailer/PHPMailer#1281 uses 535; the same words under 550/554 must still say "login".
        foreach (string code in new[] { "550", "554", "451" })
        {
            var e = Explain($"{code} Invalid Username or Password");
            Assert.Equal("generic-auth-failed-wording", e.Best?.Entry.Id);
        }
    }

    // §2 Replies without a code.

    [Fact] // sendgrid: SDK error text without the code
    public void NoCode_TextRulesStillApply_AndTheCodeIsSaidToBeUnknown()
    {
        var e = Explain("The provided authorization grant is invalid, expired, or revoked");
        Assert.Equal("sendgrid-535-grant-invalid", e.Best?.Entry.Id);
        Assert.True(e.Facts.CodeUnknown);
        string text = Text(e);
        Assert.Contains("not shown", text, StringComparison.Ordinal);
        Assert.DoesNotContain("500", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" 0 ", text, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(e.OneLineHint));
    }

    [Fact]
    public void NoCode_NoRule_StaysAClearError()
    {
        var (explanation, error) = PastedReplyExplainer.Explain("connection timed out after 30 seconds on port 465");
        Assert.Null(explanation);
        Assert.StartsWith("No SMTP reply found", error, StringComparison.Ordinal);
    }

    [Fact]
    public void InferredCode_IsNeverShownAs500()
    {
        var e = Explain("main.CRITICAL: 5.7.57 SMTP; Client was not authenticated to send anonymous mail during MAIL FROM");
        string text = Text(e);
        Assert.DoesNotContain("500", text, StringComparison.Ordinal);
        Assert.DoesNotContain("500", e.Summary, StringComparison.Ordinal);
        Assert.Contains("5xx (code not shown)", text, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(Json(e));
        var reply = doc.RootElement.GetProperty("reply");
        Assert.Equal(JsonValueKind.Null, reply.GetProperty("code").ValueKind);
        Assert.Equal(5, reply.GetProperty("codeClass").GetInt32());
        Assert.True(reply.GetProperty("codeInferred").GetBoolean());
    }

    [Theory]
    [InlineData("550: 5.7.1 Relaying denied")]
    [InlineData("Error: 550: Relaying denied")]
    public void CodeWithColon_ParsesAsThatCode(string text)
    {
        var r = PastedReplyParser.Parse(text);
        Assert.True(r.IsSuccess, r.Error);
        Assert.Equal(550, r.Facts!.Code);
        Assert.False(r.Facts.CodeInferred);
        Assert.StartsWith("Relaying denied", r.Facts.Text, StringComparison.Ordinal);
    }

    // §3 Words that name the cause.

    [Fact] // calcom/cal.diy#5254
    public void Gmail_EhloTag_MeansTheEhloName()
    {
        var e = Explain("sendEmail Error: Server terminates connection. response=421 4.7.0 Try again later, closing connection. (EHLO) v6-20020a50c406000000b00461d375b0a5sm78344edf.43 - gsmtp: 421 4.7.0 Try again later, closing connection. (EHLO) v6-20020a50c406000000b00461d375b0a5sm78344edf.43 - gsmtp",
            host: "smtp-relay.gmail.com");
        Assert.Equal("gmail-421-4.7.0-ehlo", e.Best?.Entry.Id);
        Assert.DoesNotContain("retrying later may work", e.ReplyClass, StringComparison.Ordinal);
    }

    [Fact]
    public void SendHeloFirst_IsEhloMissing_NotAnEarlierFailure()
    {
        var e = Explain("503 5.5.1 Error: send HELO/EHLO first");
        Assert.Equal("generic-ehlo-missing", e.Best?.Entry.Id);
        Assert.Contains("STARTTLS", e.Best!.Entry.Cause, StringComparison.Ordinal);
    }

    [Fact] // hardware/mailserver#236
    public void Tls454_IsNotAnAuthProblem()
    {
        var e = Explain("Error: Error upgrading connection with STARTTLS: 454 4.7.0 TLS not available due to local problem");
        Assert.Equal("generic-454-tls-unavailable", e.Best?.Entry.Id);
    }

    [Fact]
    public void Auth454_IsNotATlsProblem()
    {
        var e = Explain("454 4.7.0 Temporary authentication failure");
        Assert.Equal("generic-454-auth-temporary", e.Best?.Entry.Id);
    }

    // §4 Details.

    [Fact]
    public void Greeting220_IsServerReady()
    {
        var e = Explain("220 smtp.mail.yahoo.com ESMTP ready");
        Assert.Equal("generic-220-server-ready", e.Best?.Entry.Id);
        Assert.Contains("Server ready", e.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("command was accepted", Text(e), StringComparison.Ordinal);
    }

    [Fact] // pastebin.com/vyFg8hz0 (Exim bounce quoting Gmail's MX)
    public void RecipientMxBounce_IsLabelledADeliveryBounce()
    {
        var e = Explain("SMTP error from remote mail server after end of data:\nhost ASPMX.L.GOOGLE.COM [64.233.167.27]: 550-5.7.1 This message does not have authentication information or fails to pass\n550-5.7.1 authentication checks. To best protect our users from spam, the\n550 5.7.1 information. u16si2087533wru.356 - gsmtp");
        Assert.True(e.Facts.FromRemoteServer);
        Assert.StartsWith("delivery bounce", e.Origin, StringComparison.Ordinal);
        Assert.Contains("Origin:", Text(e), StringComparison.Ordinal);
        Assert.Contains("not a submission error", e.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void DirectSubmissionReply_IsNotLabelledABounce()
    {
        var e = Explain("535-5.7.8 Username and Password not accepted. Learn more at\n535 5.7.8 https://support.google.com/mail/?p=BadCredentials t66sm6271302pjb.45 - gsmtp");
        Assert.False(e.Facts.FromRemoteServer);
        Assert.Null(e.Origin);
    }

    [Fact]
    public void ProviderInGreeting_BeatsTheHostGuess()
    {
        var p = ProviderRecognizer.Default.Recognize("mail.google.com", "smtp.mail.yahoo.com ESMTP ready");
        Assert.Equal("yahoo", p?.Id);
        Assert.Equal(ProviderEvidence.Greeting, p?.Evidence);
    }

    [Fact] // MailKit status-name form from the parser tests; Microsoft uses 5.7.3 for a failed login
    public void RegistryTitle_ThatContradictsTheProvider_IsNotPrintedAsTheMeaning()
    {
        var e = Explain("535 5.7.3 Authentication unsuccessful [BN3PR03CA0067.namprd03.prod.outlook.com]", host: "smtp.office365.com");
        Assert.Equal("m365-535-5.7.3-auth-unsuccessful", e.Best?.Entry.Id);
        Assert.DoesNotContain("Security conversion required but not possible (", Text(e), StringComparison.Ordinal);
        Assert.DoesNotContain("Security conversion", e.Summary, StringComparison.Ordinal);
    }

    // Learner sequence mistakes (issue 14, "Learner hints"): explain names the real cause, never "an earlier command failed".

    [Theory]
    [InlineData("503 5.5.1 Error: need MAIL command", "generic-503-need-mail")]          // Marak/node_mailer#8
    [InlineData("503 Error: nested MAIL command", "generic-503-transaction-open")]         // maildev/maildev#239
    [InlineData("503 5.5.1 Error: already authenticated", "generic-503-already-authenticated")] // emersion/go-smtp#151
    [InlineData("501 Syntax: HELO hostname", "generic-ehlo-needs-hostname")]                // gregington/SMTPClient#3
    [InlineData("503 RCPT first (#5.5.1)", "generic-503-need-rcpt")]                         // getgrav/grav-plugin-email#129
    public void SequenceMistakes_NameTheRealCause(string reply, string expected)
    {
        var e = Explain(reply);
        Assert.Equal(expected, e.Best?.Entry.Id);
        Assert.DoesNotContain("earlier command failed", Text(e), StringComparison.OrdinalIgnoreCase);
    }

    [Fact] // greyli/helloflask#184: QQ's words name AUTH as well as EHLO; the client never sent AUTH
    public void NeedEhloAndAuth_IsAboutAuth_NotEhlo()
    {
        var e = Explain("send: u'mail FROM:<1290017556@qq.com> size=340\\r\\n'\nreply: '503 Error: need EHLO and AUTH first !\\r\\n'\nreply: retcode (503); Msg: Error: need EHLO and AUTH first !");
        Assert.Equal("trap-mail-from-auth-required", e.Best?.Entry.Id);
        Assert.Equal("MAIL", e.Facts.Phase);
    }

    [Theory] // broad wording rules must not turn a sender-side problem into "recipient unknown"
    [InlineData("553 5.1.8 <x@nowhere.invalid>... Domain of sender address x@nowhere.invalid does not exist")]
    [InlineData("550 5.7.1 Sender address rejected: Domain not found")]
    public void SenderSideWording_IsNotRecipientUnknown(string reply)
    {
        var e = Explain(reply);
        Assert.NotEqual("generic-recipient-unknown-wording", e.Best?.Entry.Id);
    }

    private static string Json(Explanation e)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms)) ExplanationFormatter.WriteJson(w, e);
        return System.Text.Encoding.UTF8.GetString(ms.ToArray());
    }
}
