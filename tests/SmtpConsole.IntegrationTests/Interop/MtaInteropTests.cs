using SmtpConsole.Core.Commands;
using SmtpConsole.Core.Protocol;
using SmtpConsole.Core.Session;
using SmtpConsole.Core.Transcript;
using SmtpConsole.IntegrationTests.Infrastructure;
using SmtpConsole.IntegrationTests.Support;

namespace SmtpConsole.IntegrationTests.Interop;

/// <summary>
/// Issue 19 §2: the same client scenarios against three independent real MTAs, Postfix (+Dovecot SASL, OpenSSL),
/// nodemailer's smtp-server (Node) and Exim 4.96 (GnuTLS, its own authenticators), so a behaviour that only works
/// because of one implementation's leniency shows up.
/// </summary>
[Collection(LocalServersCollection.Name)]
public class MtaInteropTests(LocalServers servers)
{
    public const string Postfix = "postfix";
    public const string SmtpServer = "smtp-server";
    public const string Exim = "exim";

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData(Postfix, "login")]
    [InlineData(Postfix, "plain")]
    [InlineData(Postfix, "cram-md5")]
    [InlineData(SmtpServer, "login")]
    [InlineData(SmtpServer, "plain")]
    [InlineData(SmtpServer, "cram-md5")]
    [InlineData(SmtpServer, "xoauth2")]
    [InlineData(Exim, "login")]
    [InlineData(Exim, "plain")]
    [InlineData(Exim, "cram-md5")]
    public async Task StartTls_auth_and_a_dot_stuffed_message_arrive_intact(string server, string mechanism)
    {
        await using var h = new EngineHarness(servers.EngineOptions(StartTlsPort(server), SecurityMode.StartTls));
        Assert.Equal(StepStatus.Ok, (await h.Runner.ConnectToAsync(h.Options)).Status);
        Assert.True(h.Session.IsTls, h.Dump());
        var secret = mechanism == "xoauth2" ? $"{servers.Alice.Name}-token" : servers.Alice.Password;
        var subject = $"two-mta {server} {mechanism} {Guid.NewGuid():N}";
        await h.RunAsync("/ehlo client.example.test", $"/auth {mechanism} {servers.Alice.Name} {secret}");
        Assert.Equal(servers.Alice.Name, h.Session.AuthenticatedUser);
        await SendAsync(h, subject);

        var delivered = await DeliveredAsync(server, subject);
        Assert.Contains("\n.leading dot survives\n", delivered.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("\n..two dots survive\n", delivered.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain(secret, h.Dump(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Postfix)]
    [InlineData(SmtpServer)]
    [InlineData(Exim)]
    public async Task Implicit_tls_then_auth_plain_delivers(string server)
    {
        var port = server switch { Postfix => servers.Ports.Smtps, Exim => servers.Ports.EximTls, _ => servers.Ports.SmtpServerTls };
        await using var h = new EngineHarness(servers.EngineOptions(port, SecurityMode.Tls));
        Assert.Equal(StepStatus.Ok, (await h.Runner.ConnectToAsync(h.Options)).Status);
        Assert.True(h.Session.IsTls, h.Dump());
        var subject = $"two-mta implicit {server} {Guid.NewGuid():N}";
        await h.RunAsync("/ehlo client.example.test", $"/auth plain {servers.Alice.Name} {servers.Alice.Password}");
        await SendAsync(h, subject);
        Assert.Contains(subject, await DeliveredAsync(server, subject), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Postfix)]
    [InlineData(SmtpServer)]
    public async Task Wrong_password_is_535_with_enhanced_code_and_nothing_secret_is_shown(string server)
    {
        await using var h = new EngineHarness(servers.EngineOptions(StartTlsPort(server), SecurityMode.StartTls));
        await h.Runner.ConnectToAsync(h.Options);
        await h.RunAsync("/ehlo client.example.test");
        var outcome = await h.Runner.ExecuteAsync($"/auth login {servers.Alice.Name} not-the-password");
        Assert.Equal(StepStatus.Failed, outcome.Status);
        Assert.Equal(535, outcome.Result!.Reply!.Code);
        Assert.Equal(new EnhancedStatusCode(5, 7, 8), outcome.Result.Reply.Enhanced);
        Assert.DoesNotContain("not-the-password", h.Dump(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Postfix)]
    [InlineData(SmtpServer)]
    public async Task Both_advertise_the_extensions_the_console_relies_on(string server)
    {
        await using var h = new EngineHarness(servers.EngineOptions(StartTlsPort(server), SecurityMode.StartTls));
        await h.Runner.ConnectToAsync(h.Options);
        await h.RunAsync("/ehlo client.example.test");
        var capabilities = h.Session.Capabilities;
        foreach (var keyword in new[] { "PIPELINING", "8BITMIME", "SMTPUTF8", "DSN", "ENHANCEDSTATUSCODES", "SIZE", "AUTH" })
        {
            Assert.True(capabilities.Has(keyword), $"{server} did not advertise {keyword}:\n{h.Dump()}");
        }
    }

    [Fact]
    public async Task Orcpt_utf8_addr_goes_as_typed_and_smtp_server_accepts_it()
    {
        await using var h = new EngineHarness(servers.EngineOptions(servers.Ports.SmtpServer, SecurityMode.StartTls));
        await h.Runner.ConnectToAsync(h.Options);
        var subject = $"orcpt utf-8 {Guid.NewGuid():N}";
        const string orcpt = "ORCPT=utf-8;\u03c9mega@example.test";
        await h.RunAsync(
            "/ehlo client.example.test",
            $"MAIL FROM:<{servers.Alice.Address}> SMTPUTF8",
            $"RCPT TO:<{servers.Bob.Address}> NOTIFY=SUCCESS,FAILURE {orcpt}",
            "/data",
            $"Subject: {subject}",
            "",
            "body",
            ".");
        var capture = await servers.WaitForSmtpServerCaptureAsync(m => m.Raw.Contains(subject, StringComparison.Ordinal), Wait);
        Assert.Contains(orcpt, capture.RcptOptions);
        Assert.True(capture.SmtpUtf8);
        Assert.DoesNotContain(h.Events, e => e.Kind == TranscriptEventKind.Warn && e.Text.Contains("ORCPT", StringComparison.Ordinal));
        Assert.DoesNotContain("+CF+89", h.Dump(), StringComparison.Ordinal);
    }

    private int StartTlsPort(string server) => server switch
    {
        Postfix => servers.Ports.Submission,
        Exim => servers.Ports.Exim,
        _ => servers.Ports.SmtpServer,
    };

    private static async Task SendAsync(EngineHarness h, string subject)
    {
        await h.RunAsync(
            "MAIL FROM:<alice@example.test>",
            "RCPT TO:<bob@example.test>",
            "/data",
            $"Subject: {subject}",
            "From: alice@example.test",
            "To: bob@example.test",
            "",
            ".leading dot survives",
            "..two dots survive",
            "last line",
            ".",
            "QUIT");
    }

    private async Task<string> DeliveredAsync(string server, string subject) => server switch
    {
        Postfix => await servers.WaitForDeliveredMessageAsync("bob", m => m.Contains(subject, StringComparison.Ordinal), Wait),
        Exim => await servers.WaitForEximDeliveryAsync("bob", m => m.Contains(subject, StringComparison.Ordinal), Wait),
        _ => (await servers.WaitForSmtpServerCaptureAsync(m => m.Raw.Contains(subject, StringComparison.Ordinal), Wait)).Raw,
    };
}
