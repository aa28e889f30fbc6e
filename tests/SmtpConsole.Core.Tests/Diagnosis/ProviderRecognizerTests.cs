using SmtpConsole.Core.Diagnosis;

namespace SmtpConsole.Core.Tests.Diagnosis;

public sealed class ProviderRecognizerTests
{
    private static ProviderRecognizer R => ProviderRecognizer.Default;

    [Theory]
    [InlineData("smtp.gmail.com", "gmail")]
    [InlineData("gmail-smtp-in.l.google.com", "gmail")]
    [InlineData("smtp-relay.gmail.com", "google-workspace")]
    [InlineData("aspmx.l.google.com", "google-workspace")]
    [InlineData("smtp.office365.com", "microsoft365")]
    [InlineData("contoso-com.mail.protection.outlook.com", "microsoft365")]
    [InlineData("smtp-mail.outlook.com", "outlook")]
    [InlineData("smtp.mail.yahoo.com", "yahoo")]
    [InlineData("smtp.mail.me.com", "icloud")]
    [InlineData("smtp.zoho.eu", "zoho")]
    [InlineData("email-smtp.us-east-1.amazonaws.com", "ses")]
    [InlineData("smtp.sendgrid.net", "sendgrid")]
    [InlineData("smtp.eu.mailgun.org", "mailgun")]
    [InlineData("smtp.qq.com", "qq")]
    [InlineData("smtp.exmail.qq.com", "exmail")]
    [InlineData("smtp.163.com", "163")]
    [InlineData("smtp.126.com", "126")]
    [InlineData("smtp.263.net", "263")]
    [InlineData("smtp.qiye.aliyun.com", "aliyun")]
    [InlineData("SMTP.GMAIL.COM.", "gmail")]
    public void Host(string host, string expected)
    {
        var r = R.Recognize(host, null);
        Assert.NotNull(r);
        Assert.Equal(expected, r!.Id);
        Assert.Equal(ProviderEvidence.Host, r.Evidence);
    }

    [Theory]
    [InlineData("mx.google.com ESMTP w141sm9291268oif.24 - gsmtp", "gmail")]
    [InlineData("YQBPR0101CA0294.outlook.office365.com Microsoft ESMTP MAIL Service ready at Sun, 5 Jan 2025", "microsoft365")]
    [InlineData("mail.example.org ESMTP Postfix (Debian/GNU)", "postfix")]
    [InlineData("mail.example.com ESMTP Exim 4.97 Mon, 23 Nov 2026 10:00:00 +0000", "exim")]
    [InlineData("submission.example.com Dovecot ready.", "dovecot")]
    [InlineData("email-smtp.amazonaws.com ESMTP SimpleEmailService-1868680137 rgpk5uMlEb7VBtpdVluX", "ses")]
    [InlineData("SG ESMTP service ready at geopod-ismtpd-6-0", "sendgrid")]
    [InlineData("mx.zohomail.com SMTP Server ready January 25, 2018 12:17:24 AM PST", "zoho")]
    [InlineData("163.com Anti-spam GT for Coremail System (163com[20141201])", "163")]
    [InlineData("126.com Anti-spam GT for Coremail System (126com[20140526])", "126")]
    [InlineData("mail.example.cn Anti-spam GT for Coremail System", "coremail")]
    public void Greeting(string greeting, string expected)
    {
        var r = R.Recognize("mail.unknown.example", greeting);
        Assert.Equal(expected, r?.Id);
        Assert.Equal(ProviderEvidence.Greeting, r!.Evidence);
    }

    [Theory]
    [InlineData("Username and Password not accepted. https://support.google.com/mail/?p=BadCredentials - gsmtp", "gmail")]
    [InlineData("Authentication unsuccessful [BN3PR03CA0067.namprd03.prod.outlook.com]", "microsoft365")]
    [InlineData("Error: ... http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=28&&no=1001256", "qq")]
    [InlineData("DT:SPM 126 smtp2,DMmowAAnNDQz4zxdCk6LIw--.52838S2", "126")]
    [InlineData("(#AUTH005) Too many bad auth attempts.", "yahoo")]
    public void ReplyText(string text, string expected)
    {
        var r = R.Recognize(null, null, text);
        Assert.Equal(expected, r?.Id);
        Assert.Equal(ProviderEvidence.ReplyText, r!.Evidence);
    }

    [Fact]
    public void HintWinsOverHost()
    {
        var r = R.Recognize("smtp.gmail.com", null, null, "sendgrid");
        Assert.Equal("sendgrid", r!.Id);
        Assert.Equal(ProviderEvidence.Hint, r.Evidence);
    }

    [Fact]
    public void HostWinsOverGreeting() =>
        Assert.Equal("163", R.Recognize("smtp.163.com", "mail ESMTP Postfix")!.Id);

    [Fact]
    public void Unknown_IsNull() => Assert.Null(R.Recognize("mail.example.com", "mail.example.com ESMTP ready", "535 nope"));

    [Theory]
    [InlineData("google-workspace", "gmail", true)]
    [InlineData("126", "163", true)]
    [InlineData("126", "coremail", true)]
    [InlineData("exmail", "qq", true)]
    [InlineData("outlook", "microsoft365", true)]
    [InlineData("gmail", "google-workspace", false)]
    [InlineData("qq", "163", false)]
    public void Family(string provider, string family, bool expected) => Assert.Equal(expected, R.IsInFamily(provider, family));

    [Fact]
    public void BadProviderRegex_IsReported()
    {
        var r = new ProviderRecognizer([new ProviderDefinition { Id = "x", Name = "X", Hosts = ["(bad"], Inherits = ["missing"] }]);
        Assert.Equal(2, r.Problems.Count);
        Assert.Null(r.Recognize("bad", null));
    }
}
