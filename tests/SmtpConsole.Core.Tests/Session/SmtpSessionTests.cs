using SmtpConsole.Core.Protocol;
using SmtpConsole.Core.Session;
using SmtpConsole.Core.Tests.Support;
using SmtpConsole.Core.Transcript;

namespace SmtpConsole.Core.Tests.Session;

public class SmtpSessionTests
{
    private const string Greeting = "220 test.example ESMTP ready\r\n";
    private const string Ehlo = "250-test.example\r\n250-PIPELINING\r\n250-SIZE 1000\r\n250-STARTTLS\r\n250 AUTH PLAIN LOGIN\r\n";

    [Fact]
    public async Task Connect_ReadsGreeting_ThenEhloLearnsCapabilities()
    {
        await using var server = new ScriptedSmtpServer(async c =>
        {
            await c.SendAsync(Greeting);
            await c.ServeAsync(line => line.StartsWith("EHLO") ? Ehlo : line == "QUIT" ? "221 bye\r\n" : null);
        });
        await using var h = new SessionHarness(server.Port);
        var greeting = await h.ConnectAsync();
        Assert.Equal(220, greeting.Reply!.Code);
        Assert.Equal(SessionPhase.Greeted, h.Session.Phase);
        var ehlo = await h.Session.EhloAsync("client.test");
        Assert.True(ehlo.Succeeded);
        Assert.True(h.Session.Capabilities.StartTls);
        Assert.Equal(["PLAIN", "LOGIN"], h.Session.Capabilities.AuthMechanisms);
        Assert.Equal(SessionPhase.Ehlo, h.Session.Phase);
        Assert.NotNull(h.Session.LastLatency);
        await h.Session.QuitAsync();
        Assert.False(h.Session.IsConnected);
        Assert.Equal(["EHLO client.test", "QUIT"], server.Received);
    }

    [Fact]
    public async Task SendCommand_WithCrLf_IsRefusedAndNothingIsSent()
    {
        await using var server = new ScriptedSmtpServer(async c =>
        {
            await c.SendAsync(Greeting);
            await c.ServeAsync(_ => "250 ok\r\n");
        });
        await using var h = new SessionHarness(server.Port);
        await h.ConnectAsync();
        var result = await h.Session.SendCommandAsync("MAIL FROM:<a@b>\r\nRCPT TO:<x@y>");
        Assert.Equal(CommandFailure.Refused, result.Failure);
        Assert.Contains(h.Sink.OfKind(TranscriptEventKind.Error), e => e.Text.Contains("line feed") || e.Text.Contains("carriage return"));
        var noop = await h.Session.SendCommandAsync("NOOP");
        Assert.Equal(250, noop.Reply!.Code);
        Assert.Equal(["NOOP"], server.Received);
    }

    [Fact]
    public async Task StartTls_DiscardsInjectedReplyAfter220_AndForgetsCapabilities()
    {
        using var cert = ScriptedSmtpServer.CreateCertificate();
        await using var server = new ScriptedSmtpServer(async c =>
        {
            await c.SendAsync(Greeting);
            Assert.StartsWith("EHLO", await c.ReadLineAsync());
            await c.SendAsync(Ehlo);
            Assert.Equal("STARTTLS", await c.ReadLineAsync());
            // One segment: the real 220 plus a forged reply meant to be read as the answer to the next command.
            await c.SendAsync("220 2.0.0 Ready to start TLS\r\n250 forged-after-tls\r\n");
            await c.StartTlsAsync(cert);
            Assert.StartsWith("EHLO", await c.ReadLineAsync());
            await c.SendAsync("250-secure.example\r\n250 AUTH PLAIN\r\n");
            await c.WaitForCloseAsync(TimeSpan.FromSeconds(5));
        });
        await using var h = new SessionHarness(server.Port);
        await h.ConnectAsync();
        await h.Session.EhloAsync(null);
        var tls = await h.Session.StartTlsAsync();
        Assert.Equal(220, tls.Reply!.Code);
        Assert.True(h.Session.IsTls);
        Assert.True(h.Session.Capabilities.IsEmpty);
        Assert.Equal(SessionPhase.Tls, h.Session.Phase);
        Assert.Contains(h.Sink.OfKind(TranscriptEventKind.Warn), e => e.Text.Contains("discarded") && e.Text.Contains("forged-after-tls"));

        var ehlo = await h.Session.EhloAsync(null);
        Assert.Equal("secure.example", ehlo.Reply!.Lines[0]);
        Assert.DoesNotContain(h.Sink.OfKind(TranscriptEventKind.Reply), e => e.Text.Contains("forged"));
    }

    [Fact]
    public async Task StartTls_Refused454_TlsFailureAndClosed()
    {
        // Issue 13 changed this on purpose: TLS was asked for, so the session no longer stays open in plain text.
        await using var server = new ScriptedSmtpServer(async c =>
        {
            await c.SendAsync(Greeting);
            await c.ServeAsync(line => line == "STARTTLS" ? "454 4.7.0 TLS not available due to local problem\r\n" : "250 ok\r\n");
        });
        await using var h = new SessionHarness(server.Port);
        await h.ConnectAsync();
        var tls = await h.Session.StartTlsAsync();
        Assert.Equal(454, tls.Reply!.Code);
        Assert.Equal(CommandFailure.TlsFailed, tls.Failure);
        Assert.False(h.Session.IsConnected);
        Assert.Equal(CommandFailure.NotConnected, (await h.Session.SendCommandAsync("NOOP")).Failure);
    }

    [Fact]
    public async Task StartTls_HandshakeFailure_IsConnectionFailureWithWords()
    {
        await using var server = new ScriptedSmtpServer(async c =>
        {
            await c.SendAsync(Greeting);
            await c.ReadLineAsync();
            await c.SendAsync("220 go\r\nthis is not a TLS server hello at all\r\n");
            await c.WaitForCloseAsync(TimeSpan.FromSeconds(5));
        });
        await using var h = new SessionHarness(server.Port);
        await h.ConnectAsync();
        var tls = await h.Session.StartTlsAsync();
        Assert.Equal(CommandFailure.TlsFailed, tls.Failure);
        Assert.False(h.Session.IsConnected);
        Assert.Contains(h.Sink.OfKind(TranscriptEventKind.Error), e => e.Text.Contains("TLS"));
    }

    [Fact]
    public async Task Reply_NeverSent_TimesOutAndSessionStaysOpen()
    {
        await using var server = new ScriptedSmtpServer(async c =>
        {
            await c.SendAsync(Greeting);
            await c.ReadLineAsync();                  // swallow NOOP without answering
            await c.ServeAsync(_ => "250 late but fine\r\n");
        });
        await using var h = new SessionHarness(server.Port, replyTimeout: TimeSpan.FromMilliseconds(400));
        await h.ConnectAsync();
        var started = DateTime.UtcNow;
        var result = await h.Session.SendCommandAsync("NOOP");
        Assert.Equal(CommandFailure.Timeout, result.Failure);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(3));
        Assert.True(h.Session.IsConnected);
        Assert.Equal(250, (await h.Session.SendCommandAsync("RSET")).Reply!.Code);
    }

    [Fact]
    public async Task Slowloris_OneBytePerStep_StillParsedWithinTimeout()
    {
        await using var server = new ScriptedSmtpServer(async c =>
        {
            await c.SendSlowlyAsync("220-slow\r\n220 done\r\n", TimeSpan.FromMilliseconds(5));
            await c.WaitForCloseAsync(TimeSpan.FromSeconds(5));
        });
        await using var h = new SessionHarness(server.Port);
        var greeting = await h.ConnectAsync();
        Assert.Equal(["slow", "done"], greeting.Reply!.Lines);
    }

    [Fact]
    public async Task Slowloris_TooSlow_TimesOutInsteadOfHanging()
    {
        await using var server = new ScriptedSmtpServer(async c =>
        {
            await c.SendSlowlyAsync("220 this greeting takes far too long to arrive\r\n", TimeSpan.FromMilliseconds(200));
        });
        await using var h = new SessionHarness(server.Port, replyTimeout: TimeSpan.FromMilliseconds(500));
        var greeting = await h.ConnectAsync();
        Assert.Equal(CommandFailure.Timeout, greeting.Failure);
    }

    [Fact]
    public async Task ConnectionClosedMidReply_ReportsMalformedReplyAndClosed()
    {
        await using var server = new ScriptedSmtpServer(async c =>
        {
            await c.SendAsync(Greeting);
            await c.ReadLineAsync();
            await c.SendAsync("250-partial\r\n250-more");
            c.Close();
        });
        await using var h = new SessionHarness(server.Port);
        await h.ConnectAsync();
        var result = await h.Session.SendCommandAsync("EHLO x");
        Assert.True(result.Reply?.IsMalformed ?? result.Failure == CommandFailure.Closed);
        await WaitUntil(() => !h.Session.IsConnected);
        Assert.Contains(h.Sink.Events, e => e.Text.Contains("closed"));
    }

    [Fact]
    public async Task UnsolicitedReply_IsShownAndNotTakenAsTheNextAnswer()
    {
        await using var server = new ScriptedSmtpServer(async c =>
        {
            await c.SendAsync(Greeting);
            await Task.Delay(100);
            await c.SendAsync("421 4.4.2 idle too long\r\n");
            await c.ServeAsync(_ => "250 real answer\r\n");
        });
        await using var h = new SessionHarness(server.Port);
        await h.ConnectAsync();
        await WaitUntil(() => h.Sink.OfKind(TranscriptEventKind.Reply).Count() == 2);
        var noop = await h.Session.SendCommandAsync("NOOP");
        Assert.Equal(250, noop.Reply!.Code);
        Assert.Contains(h.Sink.OfKind(TranscriptEventKind.Reply), e => e.Note?.Contains("unsolicited") == true);
    }

    [Fact]
    public async Task Pipelined_SendsOneWriteAndPairsReplies()
    {
        await using var server = new ScriptedSmtpServer(async c =>
        {
            await c.SendAsync(Greeting);
            for (int i = 0; i < 3; i++) await c.ReadLineAsync();
            await c.SendAsync("250 2.1.0 sender ok\r\n250 2.1.5 rcpt ok\r\n550 5.1.1 no such user\r\n");
            await c.WaitForCloseAsync(TimeSpan.FromSeconds(5));
        });
        await using var h = new SessionHarness(server.Port);
        await h.ConnectAsync();
        var results = await h.Session.SendPipelinedAsync(["MAIL FROM:<a@b>", "RCPT TO:<c@d>", "RCPT TO:<x@d>"]);
        Assert.Equal([250, 250, 550], results.Select(r => r.Reply!.Code));
        Assert.Contains(h.Sink.OfKind(TranscriptEventKind.Reply), e => e.Note == "reply to RCPT TO:<x@d>");
    }

    [Fact]
    public async Task DataBody_StreamsDotStuffedAndRecordsLines()
    {
        List<string>? body = null;
        await using var server = new ScriptedSmtpServer(async c =>
        {
            await c.SendAsync(Greeting);
            await c.ReadLineAsync();
            await c.SendAsync("354 go\r\n");
            body = await c.ReadDataAsync();
            await c.SendAsync("250 2.0.0 Ok: queued as ABC\r\n");
            await c.WaitForCloseAsync(TimeSpan.FromSeconds(5));
        });
        await using var h = new SessionHarness(server.Port);
        await h.ConnectAsync();
        Assert.Equal(354, (await h.Session.SendCommandAsync("DATA")).Reply!.Code);
        using var message = new MemoryStream("Subject: t\n\n.starts with dot\nend"u8.ToArray());
        var result = await h.Session.SendDataBodyAsync(message, "test");
        Assert.Equal(250, result.Reply!.Code);
        Assert.Equal(["Subject: t", "", "..starts with dot", "end"], body);
        Assert.Contains(h.Sink.OfKind(TranscriptEventKind.Send), e => e.Text == "..starts with dot");
    }

    [Fact]
    public async Task ConnectRefused_IsConnectFailureWithWords()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        int port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        await using var h = new SessionHarness(port);
        var result = await h.ConnectAsync();
        Assert.Equal(CommandFailure.ConnectFailed, result.Failure);
        Assert.Contains("refused", result.Message);
    }

    [Fact]
    public async Task ImplicitTls_UntrustedCertificate_FailsWithExplanation_InsecureWorks()
    {
        using var cert = ScriptedSmtpServer.CreateCertificate();
        await using var server = new ScriptedSmtpServer(async c =>
        {
            await c.StartTlsAsync(cert);
            await c.SendAsync(Greeting);
            await c.WaitForCloseAsync(TimeSpan.FromSeconds(5));
        });
        await using (var strict = new SessionHarness(server.Port, insecure: false))
        {
            var result = await strict.ConnectAsync(SecurityMode.Tls);
            Assert.Equal(CommandFailure.TlsFailed, result.Failure);
            Assert.Contains("untrusted", result.Message);
        }
        await using var lax = new SessionHarness(server.Port, insecure: true);
        var ok = await lax.ConnectAsync(SecurityMode.Tls);
        Assert.Equal(220, ok.Reply!.Code);
        Assert.Contains(lax.Sink.OfKind(TranscriptEventKind.Warn), e => e.Text.Contains("NOT verified"));
        Assert.Contains(lax.Sink.OfKind(TranscriptEventKind.Tls), e => e.Text.Contains("subject: CN=localhost"));
    }

    [Fact]
    public async Task ImplicitTls_PinnedCertificate_IsTrustedWithoutInsecure()
    {
        using var cert = ScriptedSmtpServer.CreateCertificate();
        await using var server = new ScriptedSmtpServer(async c =>
        {
            await c.StartTlsAsync(cert);
            await c.SendAsync(Greeting);
            await c.WaitForCloseAsync(TimeSpan.FromSeconds(5));
        });
        await using var h = new SessionHarness(server.Port, insecure: false);
        var result = await h.Session.ConnectAsync(h.Options with { Security = SecurityMode.Tls, PinnedCertificate = cert });
        Assert.Equal(220, result.Reply!.Code);
        Assert.Contains(h.Sink.OfKind(TranscriptEventKind.Tls), e => e.Text.Contains("pinned"));
    }

    internal static async Task WaitUntil(Func<bool> condition)
    {
        for (int i = 0; i < 200 && !condition(); i++) await Task.Delay(25);
        Assert.True(condition());
    }
}
