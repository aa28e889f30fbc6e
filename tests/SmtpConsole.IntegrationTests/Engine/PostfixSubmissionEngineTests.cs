using SmtpConsole.Core.Commands;
using SmtpConsole.Core.Protocol;
using SmtpConsole.Core.Session;
using SmtpConsole.Core.Transcript;
using SmtpConsole.IntegrationTests.Infrastructure;
using SmtpConsole.IntegrationTests.Support;

namespace SmtpConsole.IntegrationTests.Engine;

/// <summary>The engine against the real Postfix + Dovecot submission service.</summary>
[Collection("LocalServers")]
public class PostfixSubmissionEngineTests(LocalServers servers)
{
    [Theory]
    [InlineData("login")]
    [InlineData("plain")]
    [InlineData("cram-md5")]
    [InlineData("scram-sha-1")]
    [InlineData("scram-sha-256")]
    public async Task StartTlsThenAuth_EachMechanism_DeliversBodyWithLeadingDotIntact(string mechanism)
    {
        await using var h = new EngineHarness(servers.EngineOptions(servers.Ports.Submission, SecurityMode.StartTls));
        string subject = $"engine {mechanism} {Guid.NewGuid():N}";
        Assert.Equal(StepStatus.Ok, (await h.Runner.ConnectToAsync(h.Options)).Status);
        Assert.True(h.Session.IsTls, h.Dump());
        await h.RunAsync(
            "/ehlo client.example.test",
            $"/auth {mechanism} {servers.Alice.Name} {servers.Alice.Password}",
            $"MAIL FROM:<{servers.Alice.Address}>",
            $"RCPT TO:<{servers.Bob.Address}>",
            "/data",
            $"Subject: {subject}",
            $"From: {servers.Alice.Address}",
            $"To: {servers.Bob.Address}",
            "",
            ".leading dot survives",
            "..two dots survive",
            "last line",
            ".");
        Assert.Equal(servers.Alice.Name, h.Session.AuthenticatedUser);
        await h.RunAsync("QUIT");

        string delivered = await servers.WaitForDeliveredMessageAsync("bob", m => m.Contains(subject), TimeSpan.FromSeconds(20));
        Assert.Contains("\n.leading dot survives\n", delivered.Replace("\r\n", "\n"));
        Assert.Contains("\n..two dots survive\n", delivered.Replace("\r\n", "\n"));
        Assert.DoesNotContain(servers.Alice.Password, h.Dump());
    }

    [Fact]
    public async Task WrongPassword_Gives535WithEnhancedCodeAndHint()
    {
        await using var h = new EngineHarness(servers.EngineOptions(servers.Ports.Submission, SecurityMode.StartTls));
        await h.Runner.ConnectToAsync(h.Options);
        await h.RunAsync("/ehlo client.example.test");
        var outcome = await h.Runner.ExecuteAsync($"/auth login {servers.Alice.Name} not-the-password");
        Assert.Equal(StepStatus.Failed, outcome.Status);
        var reply = outcome.Result!.Reply!;
        Assert.Equal(535, reply.Code);
        Assert.Equal(new EnhancedStatusCode(5, 7, 8), reply.Enhanced);
        Assert.Contains(h.Events, e => e.Context?.Hint is not null);
        Assert.DoesNotContain("not-the-password", h.Dump());
    }

    [Fact]
    public async Task AuthBeforeStartTls_ShowsPostfixRefusal()
    {
        await using var h = new EngineHarness(servers.EngineOptions(servers.Ports.Submission, SecurityMode.Plain), allowPlaintextAuth: true);
        await h.Runner.ConnectToAsync(h.Options);
        await h.RunAsync("/ehlo client.example.test");
        Assert.False(h.Session.Capabilities.Auth);
        Assert.Contains(h.Events, e => e.Kind == TranscriptEventKind.Info && e.Text.Contains("only offer AUTH after STARTTLS"));
        var outcome = await h.Runner.ExecuteAsync($"/auth plain {servers.Alice.Name} {servers.Alice.Password}");
        Assert.Equal(530, outcome.Result!.Reply!.Code);
        Assert.Contains("Must issue a STARTTLS command first", outcome.Result.Reply.Text);
    }

    [Fact]
    public async Task ImplicitTls_OnSmtps_LogsInAndSeesCertificate()
    {
        await using var h = new EngineHarness(servers.EngineOptions(servers.Ports.Smtps, SecurityMode.Tls));
        await h.Runner.ConnectToAsync(h.Options);
        Assert.True(h.Session.IsTls, h.Dump());
        Assert.Contains(h.Events, e => e.Kind == TranscriptEventKind.Tls && e.Text.Contains("certificate verified"));
        await h.RunAsync("/ehlo client.example.test", $"/auth plain {servers.Alice.Name} {servers.Alice.Password}", "QUIT");
    }

    [Fact]
    public async Task UntrustedCertificate_IsTlsFailureInWords()
    {
        await using var h = new EngineHarness(servers.EngineOptions(servers.Ports.Smtps, SecurityMode.Tls, trustCa: false));
        var outcome = await h.Runner.ConnectToAsync(h.Options);
        Assert.Equal(StepStatus.ConnectionFailed, outcome.Status);
        Assert.Contains("TLS certificate rejected: incomplete chain", outcome.Message);
        // The engine names the remedy (a CA file to trust); each front end words it with its own flag or field.
        Assert.DoesNotContain("--cafile", outcome.Message);
        Assert.Equal(Core.Messages.Remedy.TrustCaFile, Assert.Single(h.Sink.OfKind(Core.Transcript.TranscriptEventKind.Error)).Remedy);
        Assert.Equal([Core.Session.TlsProblemKind.IncompleteChain], h.Session.CertificateVerdict!.Problems.Select(p => p.Kind));
    }

    [Fact]
    public async Task Pipelining_MailRcptData_PairsRepliesAndDelivers()
    {
        await using var h = new EngineHarness(servers.EngineOptions(servers.Ports.Smtp, SecurityMode.Plain));
        string subject = $"pipelined {Guid.NewGuid():N}";
        await h.Runner.ConnectToAsync(h.Options);
        await h.RunAsync("/ehlo client.example.test", "/pipeline", $"MAIL FROM:<{servers.Alice.Address}>", $"RCPT TO:<{servers.Bob.Address}>", "RCPT TO:<nobody@strict.example.test>", "DATA");
        var group = await h.Runner.ExecuteAsync("/end");
        Assert.Equal(RunnerMode.DataBody, h.Runner.Mode);
        Assert.Contains(h.Events, e => e.Kind == TranscriptEventKind.Reply && e.Reply!.Code == 550 && e.Note == "reply to RCPT TO:<nobody@strict.example.test>");
        _ = group;
        await h.RunAsync($"Subject: {subject}", "", "body", ".", "QUIT");
        await servers.WaitForDeliveredMessageAsync("bob", m => m.Contains(subject), TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task Bdat_SendsExactOctetsWithoutDotStuffing()
    {
        await using var h = new EngineHarness(servers.EngineOptions(servers.Ports.Smtp, SecurityMode.Plain));
        string subject = $"bdat {Guid.NewGuid():N}";
        string file = Path.Combine(Path.GetTempPath(), $"bdat-{Guid.NewGuid():N}.eml");
        await File.WriteAllTextAsync(file, $"Subject: {subject}\r\nFrom: {servers.Alice.Address}\r\n\r\n.dot line is not stuffed in BDAT\r\n" + new string('x', 5000) + "\r\n");
        try
        {
            await h.Runner.ConnectToAsync(h.Options);
            await h.RunAsync("/ehlo client.example.test", $"MAIL FROM:<{servers.Alice.Address}>", $"RCPT TO:<{servers.Bob.Address}>", $"/bdat @{file} --chunk 1000", "QUIT");
            Assert.Contains(h.Events, e => e.Kind == TranscriptEventKind.Send && e.Text.EndsWith(" LAST", StringComparison.Ordinal));
            string delivered = await servers.WaitForDeliveredMessageAsync("bob", m => m.Contains(subject), TimeSpan.FromSeconds(20));
            Assert.Contains("\n.dot line is not stuffed in BDAT", delivered.Replace("\r\n", "\n"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Aiosmtpd_SmtpUtf8Message_IsAccepted()
    {
        await using var h = new EngineHarness(servers.EngineOptions(servers.Ports.Aiosmtpd, SecurityMode.Plain));
        string subject = $"utf8 {Guid.NewGuid():N}";
        await h.Runner.ConnectToAsync(h.Options);
        await h.RunAsync("/ehlo client.example.test");
        Assert.True(h.Session.Capabilities.SmtpUtf8, h.Dump());
        await h.RunAsync("MAIL FROM:<jörg@example.test> SMTPUTF8", "RCPT TO:<bob@example.test>", "/data", $"Subject: {subject}", "", "grüße", ".", "QUIT");
        await servers.WaitForAiosmtpdMessageAsync(m => m.Contains(subject), TimeSpan.FromSeconds(20));
    }
}
