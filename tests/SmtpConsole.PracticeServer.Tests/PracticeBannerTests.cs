namespace SmtpConsole.PracticeServer.Tests;

public sealed class PracticeBannerTests
{
    [Fact]
    public async Task Says_what_it_is_where_it_listens_the_accounts_and_how_to_go_elsewhere()
    {
        await using var server = await ServerFixture.StartAsync();
        var lines = PracticeBanner.Lines(server);
        var text = string.Join("\n", lines);
        Assert.InRange(lines.Count, 4, 10);
        Assert.Contains($"127.0.0.1:{server.Port}", text, StringComparison.Ordinal);
        Assert.Contains("leaves this machine", text, StringComparison.Ordinal);
        Assert.Contains("demo / practice", text, StringComparison.Ordinal);
        Assert.Contains("learner / smtp-is-fun", text, StringComparison.Ordinal);
        Assert.Contains("EHLO me -> /starttls", text, StringComparison.Ordinal);
        Assert.Contains("/auth login demo", text, StringComparison.Ordinal);
        Assert.Contains("MAIL FROM:<demo@practice.smtpconsole.test>", text, StringComparison.Ordinal);
        Assert.Contains("/connect HOST [PORT] [--tls|--starttls|--plain]", text, StringComparison.Ordinal);
        Assert.Contains("smtpconsole --profile NAME", text, StringComparison.Ordinal);
        Assert.All(lines, line => Assert.True(line.All(char.IsAscii) && line.Length <= 120, line));
    }

    [Fact]
    public async Task Mentions_plaintext_auth_when_it_is_allowed()
    {
        await using var server = await ServerFixture.StartAsync(new PracticeServerOptions { AllowPlaintextAuth = true });
        Assert.Contains(PracticeBanner.Lines(server), line => line.Contains("with or without /starttls", StringComparison.Ordinal));
    }
}
