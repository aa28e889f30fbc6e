using SmtpConsole.Core.Commands;
using SmtpConsole.Tui;

namespace SmtpConsole.Tests.Tui;

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
    [InlineData("/conect typo.example", "/conect typo.example")]
    public void Stored_AsDisplayedWithoutSecrets(string typed, string expected) =>
        Assert.Equal(expected, HistoryPolicy.EntryFor(typed, RunnerMode.Command, null));

    [Theory]
    [InlineData("AUTH PLAIN AGFsaWNlAHMzY3JldA==")]
    [InlineData("auth login YWxpY2U=")]
    [InlineData("/b64 s3cret")]
    [InlineData("/unb64 czNjcmV0")]
    [InlineData("/auth login alice s3cret too-many")]
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
