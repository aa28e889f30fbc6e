using SmtpConsole.Core.Commands;

namespace SmtpConsole.Tests.App;

public sealed class HistoryPolicyTests
{
    [Theory]
    [InlineData("EHLO me.example", "EHLO me.example")]
    [InlineData("  MAIL FROM:<a@b.example>  ", "MAIL FROM:<a@b.example>")]
    [InlineData("AUTH LOGIN", "AUTH LOGIN")]
    [InlineData("/auth login alice s3cret", "/auth login alice")]
    [InlineData("/auth plain alice s3cret --initial", "/auth plain alice --initial")]
    [InlineData("/connect mx.example 587 --starttls", "/connect mx.example 587 --starttls")]
    [InlineData("/tls", "/starttls")]
    public void Stored_AsDisplayedWithoutSecrets(string typed, string expected) =>
        Assert.Equal(expected, HistoryPolicy.EntryFor(typed, RunnerMode.Command, null));

    [Theory]
    [InlineData("AUTH PLAIN AGFsaWNlAHMzY3JldA==")]
    [InlineData("auth login YWxpY2U=")]
    [InlineData("/b64 s3cret")]
    [InlineData("/unb64 czNjcmV0")]
    [InlineData("/auth login alice s3cret too-many")]
    // Issue 13: a line the console did not understand is not stored at all (it used to be, verbatim).
    [InlineData("/conect typo.example")]
    [InlineData("/atuh login demo practice")]
    [InlineData("/connect smtp.example 587 --proxy socks5://user:pa55@127.0.0.1:1080 --bogus")]
    // Issue 13: SMTP whitespace is a space or a tab; a lost tab glues the response to the mechanism.
    [InlineData("AUTH\tPLAIN\tAGFsaWNlAHMzY3JldA==")]
    [InlineData("AUTH PLAINAGFsaWNlAHMzY3JldA==")]
    [InlineData("AUTHPLAIN AGFsaWNlAHMzY3JldA==")]
    [InlineData("")]
    [InlineData("# a comment")]
    public void NeverStored(string typed) => Assert.Null(HistoryPolicy.EntryFor(typed, RunnerMode.Command, null));

    [Fact]
    public void LinesAnsweringA334_AreNeverStored() =>
        Assert.Null(HistoryPolicy.EntryFor("czNjcmV0", RunnerMode.Command, 334));

    [Fact]
    public void HelpersAnsweringA334_AreStoredAsDisplayed() =>
        Assert.Equal("/auth login bob", HistoryPolicy.EntryFor("/auth login bob pw", RunnerMode.Command, 334));

    [Fact]
    public void MessageBodyLines_AreNeverStored()
    {
        Assert.Null(HistoryPolicy.EntryFor("Subject: private", RunnerMode.DataBody, 354));
        Assert.Null(HistoryPolicy.EntryFor("/auth login x", RunnerMode.DataBody, 354));
    }
}
