using SmtpConsole.Core.Commands;

namespace SmtpConsole.Core.Tests.Commands;

public class TopicHelpTests
{
    [Theory]
    [InlineData("RCPT", "RCPT TO:<")]
    [InlineData("rcpt", "RCPT TO:<")]
    [InlineData("MAIL", "MAIL FROM:<")]
    [InlineData("ehlo", "EHLO NAME")]
    [InlineData("connect", "/connect HOST")]
    [InlineData("/connect", "/connect practice")]
    [InlineData("mx", "/mx DOMAIN")]
    [InlineData("quit", "QUIT")]
    [InlineData("/quit", "/exit")]
    [InlineData("b64", "/b64 TEXT")]
    [InlineData("vrfy", "VRFY NAME")]
    [InlineData("/vrfy", "/vrfy X")]
    public void EveryHelperAndCommonVerb_HasATopic(string topic, string expected)
    {
        var lines = HelpText.Lines(topic);
        Assert.DoesNotContain("no help on", lines[0]);
        Assert.Contains(lines, l => l.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void EveryListedHelper_HasItsOwnTopic()
    {
        foreach (var (name, _) in CommandLineParser.Helpers)
            Assert.DoesNotContain("no help on", HelpText.Lines(name.TrimStart('/'))[0]);
    }

    [Fact]
    public void AnUnknownTopic_StillSaysSo()
    {
        Assert.StartsWith("no help on \"frobnicate\"", HelpText.Lines("frobnicate")[0]);
    }
}
