using SmtpConsole.Core.Commands;
using SmtpConsole.Core.Scripts;
using SmtpConsole.Core.Session;
using SmtpConsole.IntegrationTests.Infrastructure;
using SmtpConsole.IntegrationTests.Support;

namespace SmtpConsole.IntegrationTests.Breadth;

/// <summary>Whole sessions with the real Postfix through in-process SOCKS5 and HTTP CONNECT proxies.</summary>
[Collection(LocalServersCollection.Name)]
public class ProxySessionTests(LocalServers servers)
{
    private const string ProxyUser = "corp-user";
    private const string ProxyPassword = "pr0xy-Secret";

    private static RelayProxy Create(string kind, bool auth = true, IReadOnlySet<int>? allowed = null) => kind == "socks5"
        ? new TestSocks5Proxy { RequiredUser = auth ? ProxyUser : null, RequiredPassword = auth ? ProxyPassword : null, AllowedPorts = allowed }
        : new TestHttpConnectProxy { RequiredUser = auth ? ProxyUser : null, RequiredPassword = auth ? ProxyPassword : null, AllowedPorts = allowed };

    [Theory]
    [InlineData("socks5")]
    [InlineData("http")]
    public async Task StartTlsAuthAndMessage_ThroughProxy_AreDelivered(string kind)
    {
        await using var proxy = Create(kind);
        await using var h = new EngineHarness(servers.EngineOptions(servers.Ports.Submission, SecurityMode.StartTls));
        // "localhost" is resolved by the proxy, not here, and it is also the name on the server certificate.
        var options = h.Options with { Host = "localhost", Proxy = new Uri($"{kind}://{ProxyUser}:{ProxyPassword}@127.0.0.1:{proxy.Port}") };
        var connected = await h.Runner.ConnectToAsync(options);
        Assert.True(connected.Status == StepStatus.Ok, h.Dump());
        Assert.True(h.Session.IsTls, h.Dump());
        string subject = $"via {kind} {Guid.NewGuid():N}";
        await h.RunAsync(
            "/ehlo client.example.test",
            $"/auth scram-sha-256 {servers.Alice.Name} {servers.Alice.Password}",
            $"/compose --from {servers.Alice.Address} --to {servers.Bob.Address} --subject \"{subject}\" --text \"through the proxy\"",
            "QUIT");
        await servers.WaitForDeliveredMessageAsync("bob", m => m.Contains(subject), TimeSpan.FromSeconds(20));

        Assert.Equal([$"localhost:{servers.Ports.Submission}"], proxy.Requests);
        Assert.Empty(proxy.Failures);
        string dump = h.Dump();
        string label = kind == "socks5" ? "SOCKS5" : "HTTP";
        Assert.Contains($"via {label} proxy 127.0.0.1:{proxy.Port} → localhost:{servers.Ports.Submission}", dump);
        Assert.Contains(kind == "socks5" ? "proxy credentials accepted" : "HTTP proxy: 200 Connection established", dump);
        Assert.DoesNotContain(ProxyPassword, dump);
        Assert.DoesNotContain(ProxyUser, dump);
        Assert.DoesNotContain(servers.Alice.Password, dump);
    }

    [Theory]
    [InlineData("socks5", true, "connection not allowed by the proxy's rules")]
    [InlineData("http", true, "403")]
    [InlineData("http", false, "requires authentication (407")]
    [InlineData("socks5", false, "requires authentication")]
    public async Task ProxyRefusal_IsAClearConnectionFailure_Exit3(string kind, bool portRule, string expected)
    {
        await using var proxy = Create(kind, auth: !portRule, allowed: portRule ? new HashSet<int> { 443 } : null);
        await using var h = new EngineHarness(servers.EngineOptions(servers.Ports.Smtp, SecurityMode.Plain));
        string credentials = portRule ? $"{ProxyUser}:{ProxyPassword}@" : string.Empty;
        var target = h.Options with { Host = "localhost", Proxy = new Uri($"{kind}://{credentials}127.0.0.1:{proxy.Port}") };
        var script = ScriptReader.Read("/ehlo client.example.test\nQUIT\n", "proxy-refusal.smtp");
        int code = await new ScriptRunner(h.Runner).RunAsync(script, new Dictionary<string, string>(), new ScriptRunOptions { Target = target });
        Assert.Equal(ExitCodes.ConnectionFailed, code);
        Assert.Contains(expected, h.Dump());
        Assert.DoesNotContain(ProxyPassword, h.Dump());
    }

    [Fact]
    public async Task Cli_ReplayWithProxyFlag_WorksAndRefusalExits3()
    {
        await using var proxy = new TestSocks5Proxy();
        var ok = await AppProcess.RunAsync(["replay", "-", "--host", "localhost", "--port", servers.Ports.Smtp.ToString(System.Globalization.CultureInfo.InvariantCulture), "--plain", "--proxy", $"socks5://127.0.0.1:{proxy.Port}"],
            "/ehlo client.example.test\n/expect 250\nQUIT\n");
        Assert.True(ok.ExitCode == ExitCodes.Success, ok.StandardOutput + ok.StandardError);
        Assert.Contains($"via SOCKS5 proxy 127.0.0.1:{proxy.Port}", ok.StandardOutput);

        await using var strict = new TestSocks5Proxy { AllowedPorts = new HashSet<int> { 443 } };
        var refused = await AppProcess.RunAsync(["replay", "-", "--host", "localhost", "--port", servers.Ports.Smtp.ToString(System.Globalization.CultureInfo.InvariantCulture), "--plain", "--proxy", $"socks5://127.0.0.1:{strict.Port}"],
            "/ehlo client.example.test\nQUIT\n");
        Assert.Equal(ExitCodes.ConnectionFailed, refused.ExitCode);
        Assert.Contains("connection not allowed by the proxy's rules", refused.StandardOutput + refused.StandardError);
    }
}
