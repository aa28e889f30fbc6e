using SmtpConsole.Core.Commands;
using SmtpConsole.Core.Profiles;
using SmtpConsole.Core.Session;
using SmtpConsole.Core.Tests.Support;

namespace SmtpConsole.Core.Tests.Proxy;

/// <summary>Where a connection's proxy comes from: the profile's "proxy", the command line, or /connect.</summary>
public class ProxyOptionsTests
{
    private static readonly ConnectOptions Defaults = new() { Host = "localhost", Port = 25 };

    private static ConnectionProfile Profile(string? proxy) => new()
    {
        Name = "corp", Host = "smtp.corp.example", Port = 587, Security = SecurityMode.StartTls, Proxy = proxy,
    };

    [Fact]
    public void ProfileProxy_BecomesTheConnectionProxy_WithVariablesExpanded()
    {
        var options = ProfileConnection.ToConnectOptions(Profile("socks5://${PROXY_HOST}:1080"), Defaults, name => name == "PROXY_HOST" ? "proxy.corp.example" : null, out var error);
        Assert.Null(error);
        Assert.Equal(new Uri("socks5://proxy.corp.example:1080"), options!.Proxy);
    }

    [Fact]
    public void CommandLineProxy_WinsOverTheProfile()
    {
        var options = ProfileConnection.ToConnectOptions(Profile("socks5://a:1080"), Defaults with { Proxy = new Uri("http://b:3128") }, _ => null, out _);
        Assert.Equal(new Uri("http://b:3128"), options!.Proxy);
    }

    [Fact]
    public async Task ConnectHelper_ProxyAndNoProxy_OverrideTheDefaults()
    {
        await using var server = new ScriptedSmtpServer(async c =>
        {
            await c.SendAsync("220 direct\r\n");
            await c.WaitForCloseAsync(TimeSpan.FromSeconds(2));
        });
        await using var h = new SessionHarness(server.Port);
        h.Runner.Settings = h.Runner.Settings with { Defaults = h.Options with { Proxy = new Uri("socks5://127.0.0.1:1") } };
        var direct = await h.Runner.ExecuteAsync($"/connect 127.0.0.1 {server.Port} --plain --no-proxy");
        Assert.Equal(StepStatus.Ok, direct.Status);
        Assert.Null(h.Session.Options!.Proxy);
        var viaDefault = await h.Runner.ExecuteAsync($"/connect 127.0.0.1 {server.Port} --plain");
        Assert.Equal(StepStatus.ConnectionFailed, viaDefault.Status);
        Assert.Contains("cannot reach the SOCKS5 proxy 127.0.0.1:1", viaDefault.Message);
    }
}
