using SmtpConsole.Core.Session;
using SmtpConsole.Core.Transcript;
using SmtpConsole.IntegrationTests.Infrastructure;
using SmtpConsole.IntegrationTests.Support;

namespace SmtpConsole.IntegrationTests.Breadth;

/// <summary>Every mechanism Dovecot offers behind Postfix 2587, with each step decoded in the transcript.</summary>
[Collection(LocalServersCollection.Name)]
public class SaslMechanismTests(LocalServers servers)
{
    [Theory]
    [InlineData("login", "")]
    [InlineData("plain", "")]
    [InlineData("plain", "--no-initial")]
    [InlineData("cram-md5", "")]
    [InlineData("digest-md5", "")]
    [InlineData("scram-sha-1", "")]
    [InlineData("scram-sha-256", "")]
    [InlineData("scram-sha-256", "--no-initial")]
    public async Task EveryOfferedMechanism_Authenticates(string mechanism, string flags)
    {
        await using var h = new EngineHarness(servers.EngineOptions(servers.Ports.Submission, SecurityMode.StartTls));
        await h.Runner.ConnectToAsync(h.Options);
        await h.RunAsync("/ehlo client.example.test");
        Assert.Contains(mechanism.ToUpperInvariant(), h.Session.Capabilities.AuthMechanisms);
        await h.RunAsync($"/auth {mechanism} {servers.Alice.Name} {servers.Alice.Password} {flags}".TrimEnd());
        Assert.Equal(servers.Alice.Name, h.Session.AuthenticatedUser);
        string dump = h.Dump();
        Assert.DoesNotContain(servers.Alice.Password, dump);
        if (mechanism.StartsWith("scram", StringComparison.Ordinal))
        {
            var note = Assert.Single(h.Events, e => e.Kind == TranscriptEventKind.Info && e.Text.StartsWith("server-first-message:", StringComparison.Ordinal));
            Assert.Contains("is our client nonce followed by the server's part", note.Text);
            Assert.Contains("salt s=", note.Text);
            Assert.Contains("iteration count i=", note.Text);
            Assert.Contains(h.Events, e => e.Text.StartsWith("server-final-message:", StringComparison.Ordinal));
        }
        if (mechanism == "digest-md5")
        {
            Assert.Contains(h.Events, e => e.Text.StartsWith("DIGEST-MD5 challenge:", StringComparison.Ordinal));
            Assert.Contains(h.Events, e => e.Text.StartsWith("rspauth=", StringComparison.Ordinal));
            Assert.Contains(h.Events, e => e.Kind == TranscriptEventKind.Send && e.Note?.Contains($"digest-uri=smtp/{servers.Host}") == true);
        }
        await h.RunAsync("QUIT");
    }

    [Fact]
    public async Task DigestMd5_WrongPassword_Is535()
    {
        await using var h = new EngineHarness(servers.EngineOptions(servers.Ports.Submission, SecurityMode.StartTls));
        await h.Runner.ConnectToAsync(h.Options);
        await h.RunAsync("/ehlo client.example.test");
        var outcome = await h.Runner.ExecuteAsync($"/auth digest-md5 {servers.Alice.Name} wrong-password");
        Assert.Equal(535, outcome.Result!.Reply!.Code);
        Assert.Null(h.Session.AuthenticatedUser);
    }
}
