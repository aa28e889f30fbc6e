using SmtpConsole.Core.Analysis;

namespace SmtpConsole.Core.Tests.Analysis;

/// <summary>The one table of servers' sequence-mistake wording: each server's phrase names its mistake, and only that.</summary>
public sealed class SequenceWordingReaderTests
{
    [Theory]
    [InlineData("503 5.5.1 Error: send HELO/EHLO first", SequenceWording.EhloFirst)]
    [InlineData("503 5.5.2 Send hello first", SequenceWording.EhloFirst)]
    [InlineData("503 5.5.1 EHLO/HELO first.", SequenceWording.EhloFirst)]
    [InlineData("503 EHLO or HELO first", SequenceWording.EhloFirst)]
    [InlineData("503 polite people say HELO first", SequenceWording.EhloFirst)]
    [InlineData("503 5.5.1 Error: already authenticated", SequenceWording.AlreadyAuthenticated)]
    [InlineData("503 5.5.1 Error: MAIL transaction in progress", SequenceWording.TransactionInProgress)]
    [InlineData("503 AUTH command not permitted during a mail transaction", SequenceWording.TransactionInProgress)]
    [InlineData("530 5.7.0 Must issue a STARTTLS command first", SequenceWording.StartTlsFirst)]
    [InlineData("503 5.5.1 Error: authentication not enabled", SequenceWording.StartTlsFirst)]
    [InlineData("503 5.5.1 Error: nested MAIL command", SequenceWording.NestedMail)]
    [InlineData("503 sender already given", SequenceWording.NestedMail)]
    [InlineData("503 5.5.1 Error: need MAIL command", SequenceWording.NeedMail)]
    [InlineData("503 sender not yet given", SequenceWording.NeedMail)]
    [InlineData("503 5.5.1 Error: need RCPT command", SequenceWording.NeedRcpt)]
    [InlineData("554 5.5.1 Error: no valid recipients", SequenceWording.NeedRcpt)]
    [InlineData("503 valid RCPT command must precede DATA", SequenceWording.NeedRcpt)]
    [InlineData("550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown", SequenceWording.None)]
    [InlineData("554 5.7.1 Relay access denied", SequenceWording.None)]
    [InlineData("", SequenceWording.None)]
    public void Read_NamesTheMistakeTheWordingSays(string text, SequenceWording expected) =>
        Assert.Equal(expected, SequenceWordingReader.Read(text));

    [Fact]
    public void Read_ATextNamingTwoMistakes_NamesBoth()
    {
        var said = SequenceWordingReader.Read("503-5.5.1 need MAIL command\n503 5.5.1 need RCPT command");
        Assert.Equal(SequenceWording.NeedMail | SequenceWording.NeedRcpt, said);
    }

    [Fact]
    public void Read_WordsInsideOtherWords_DoNotCount()
    {
        Assert.Equal(SequenceWording.None, SequenceWordingReader.Read("550 unneed MAIL commander"));
        Assert.Equal(SequenceWording.None, SequenceWordingReader.Read("550 nested MAIL commands"));
    }
}
