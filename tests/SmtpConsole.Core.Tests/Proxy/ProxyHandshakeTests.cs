using System.Buffers.Binary;
using System.Text;
using SmtpConsole.Core.Commands;
using SmtpConsole.Core.Proxy;
using SmtpConsole.Core.Session;
using SmtpConsole.Core.Tests.Support;
using SmtpConsole.Core.Transcript;

namespace SmtpConsole.Core.Tests.Proxy;

/// <summary>The client side of SOCKS5 and HTTP CONNECT against a scripted proxy that then speaks SMTP itself.</summary>
public class ProxyHandshakeTests
{
    private const string Target = "smtp.unresolvable.example";

    private static SessionHarness Harness(int proxyPort, string proxyUrl) => new(proxyPort);

    private static ConnectOptions Through(SessionHarness h, string proxy) => h.Options with { Host = Target, Port = 587, Proxy = new Uri(proxy) };

    private static async Task GreetAndQuitAsync(ScriptedSmtpServer.ServerConnection c)
    {
        await c.SendAsync("220 smtp.unresolvable.example ESMTP via proxy\r\n");
        Assert.Equal("QUIT", await c.ReadLineAsync());
        await c.SendAsync("221 bye\r\n");
    }

    [Fact]
    public async Task Socks5_NoAuth_SendsTheHostNameForRemoteDns()
    {
        byte[]? request = null;
        await using var proxy = new ScriptedSmtpServer(async c =>
        {
            Assert.Equal(new byte[] { 5, 1, 0 }, await c.ReadBytesAsync(3));
            await c.SendBytesAsync([5, 0]);
            byte[] head = await c.ReadBytesAsync(5);
            byte[] rest = await c.ReadBytesAsync(head[4] + 2);
            request = [.. head, .. rest];
            await c.SendBytesAsync([5, 0, 0, 1, 10, 0, 0, 7, 0x1F, 0x90]);
            await GreetAndQuitAsync(c);
        });
        await using var h = new SessionHarness(proxy.Port);
        var result = await h.Session.ConnectAsync(Through(h, $"socks5://127.0.0.1:{proxy.Port}"));
        Assert.True(result.Succeeded, h.Sink.Dump());
        Assert.Equal(new byte[] { 5, 1, 0, 3 }, request![..4]);
        Assert.Equal(Target, Encoding.ASCII.GetString(request, 5, request[4]));
        Assert.Equal(587, BinaryPrimitives.ReadUInt16BigEndian(request.AsSpan(5 + request[4])));
        string dump = h.Sink.Dump();
        Assert.Contains($"via SOCKS5 proxy 127.0.0.1:{proxy.Port} → {Target}:587", dump);
        Assert.Contains("host name resolved by the proxy", dump);
        Assert.Contains("tunnel open (the proxy's side of it is 10.0.0.7:8080)", dump);
        await h.Session.QuitAsync();
        Assert.Empty(proxy.Failures);
    }

    [Fact]
    public async Task Socks5_UserPassword_Rfc1929_CredentialsNeverShown()
    {
        await using var proxy = new ScriptedSmtpServer(async c =>
        {
            Assert.Equal(new byte[] { 5, 2, 0, 2 }, await c.ReadBytesAsync(4));
            await c.SendBytesAsync([5, 2]);
            byte[] version = await c.ReadBytesAsync(2);
            Assert.Equal(1, version[0]);
            Assert.Equal("proxyuser", Encoding.UTF8.GetString(await c.ReadBytesAsync(version[1])));
            byte length = (await c.ReadBytesAsync(1))[0];
            Assert.Equal("pr0xy-pass", Encoding.UTF8.GetString(await c.ReadBytesAsync(length)));
            await c.SendBytesAsync([1, 0]);
            byte[] head = await c.ReadBytesAsync(5);
            await c.ReadBytesAsync(head[4] + 2);
            await c.SendBytesAsync([5, 0, 0, 1, 127, 0, 0, 1, 0, 25]);
            await GreetAndQuitAsync(c);
        });
        await using var h = new SessionHarness(proxy.Port);
        var result = await h.Session.ConnectAsync(Through(h, $"socks5://proxyuser:pr0xy-pass@127.0.0.1:{proxy.Port}"));
        Assert.True(result.Succeeded, h.Sink.Dump());
        await h.Session.QuitAsync();
        Assert.Empty(proxy.Failures);
        string dump = h.Sink.Dump();
        Assert.Contains("proxy credentials accepted", dump);
        Assert.DoesNotContain("pr0xy-pass", dump);
        Assert.DoesNotContain("proxyuser", dump);
    }

    [Theory]
    [InlineData(2, "connection not allowed by the proxy's rules")]
    [InlineData(4, "host unreachable from the proxy")]
    [InlineData(5, "connection refused by the server")]
    public async Task Socks5_Refusal_IsAConnectFailureInWords(byte code, string expected)
    {
        await using var proxy = new ScriptedSmtpServer(async c =>
        {
            await c.ReadBytesAsync(3);
            await c.SendBytesAsync([5, 0]);
            byte[] head = await c.ReadBytesAsync(5);
            await c.ReadBytesAsync(head[4] + 2);
            await c.SendBytesAsync([5, code, 0, 1, 0, 0, 0, 0, 0, 0]);
        });
        await using var h = new SessionHarness(proxy.Port);
        var result = await h.Session.ConnectAsync(Through(h, $"socks5://127.0.0.1:{proxy.Port}"));
        Assert.Equal(CommandFailure.ConnectFailed, result.Failure);
        Assert.Contains(expected, result.Message);
        Assert.Contains($"refused to connect to {Target}:587", result.Message);
    }

    [Fact]
    public async Task Socks5_ProxyWantsAuthButNoneGiven_SaysHowToGiveIt()
    {
        await using var proxy = new ScriptedSmtpServer(async c =>
        {
            await c.ReadBytesAsync(3);
            await c.SendBytesAsync([5, 0xFF]);
        });
        await using var h = new SessionHarness(proxy.Port);
        var result = await h.Session.ConnectAsync(Through(h, $"socks5://127.0.0.1:{proxy.Port}"));
        Assert.Equal(CommandFailure.ConnectFailed, result.Failure);
        Assert.Contains("requires authentication", result.Message);
        Assert.Contains("socks5://USER:PASSWORD@", result.Message);
    }

    [Fact]
    public async Task HttpConnect_WithBasicAuth_TunnelsAndHidesCredentials()
    {
        var headers = new List<string>();
        await using var proxy = new ScriptedSmtpServer(async c =>
        {
            while (await c.ReadLineAsync() is { Length: > 0 } line) headers.Add(line);
            await c.SendAsync("HTTP/1.1 200 Connection established\r\n\r\n");
            await GreetAndQuitAsync(c);
        });
        await using var h = new SessionHarness(proxy.Port);
        var result = await h.Session.ConnectAsync(Through(h, $"http://u%40corp:p%3Ass@127.0.0.1:{proxy.Port}"));
        Assert.True(result.Succeeded, h.Sink.Dump());
        await h.Session.QuitAsync();
        Assert.Equal($"CONNECT {Target}:587 HTTP/1.1", headers[0]);
        Assert.Contains($"Host: {Target}:587", headers);
        Assert.Contains("Proxy-Authorization: Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("u@corp:p:ss")), headers);
        string dump = h.Sink.Dump();
        Assert.Contains("HTTP proxy: 200 Connection established", dump);
        Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes("u@corp:p:ss")), dump);
        Assert.DoesNotContain("p:ss", dump);
    }

    [Theory]
    [InlineData("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"corp\"\r\n\r\n", "requires authentication (407")]
    [InlineData("HTTP/1.1 403 Forbidden\r\n\r\n", "many proxies allow CONNECT only to port 443")]
    [InlineData("HTTP/1.0 502 Bad Gateway\r\n\r\n", "could not reach")]
    [InlineData("SSH-2.0-OpenSSH\r\n\r\n", "did not answer CONNECT with HTTP")]
    public async Task HttpConnect_Refusals_AreConnectFailuresInWords(string answer, string expected)
    {
        await using var proxy = new ScriptedSmtpServer(async c =>
        {
            while (await c.ReadLineAsync() is { Length: > 0 })
            {
            }
            await c.SendAsync(answer);
        });
        await using var h = new SessionHarness(proxy.Port);
        var result = await h.Session.ConnectAsync(Through(h, $"http://127.0.0.1:{proxy.Port}"));
        Assert.Equal(CommandFailure.ConnectFailed, result.Failure);
        Assert.Contains(expected, result.Message);
    }

    [Fact]
    public async Task NothingListening_OnTheProxyPort_SaysSo()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        int port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        await using var h = new SessionHarness(port);
        var result = await h.Session.ConnectAsync(Through(h, $"socks5://127.0.0.1:{port}"));
        Assert.Equal(CommandFailure.ConnectFailed, result.Failure);
        Assert.Contains("cannot reach the SOCKS5 proxy", result.Message);
    }

    [Theory]
    [InlineData("socks5://user:pw@proxy.corp:1080", ProxyKind.Socks5, "proxy.corp", 1080, "user", "pw")]
    [InlineData("socks5h://proxy.corp", ProxyKind.Socks5, "proxy.corp", 1080, null, null)]
    [InlineData("http://proxy.corp:3128", ProxyKind.HttpConnect, "proxy.corp", 3128, null, null)]
    [InlineData("http://[::1]:8080", ProxyKind.HttpConnect, "::1", 8080, null, null)]
    public void ProxyAddress_Parses(string url, ProxyKind kind, string host, int port, string? user, string? password)
    {
        Assert.True(ProxyAddress.TryParse(url, out var address, out _));
        Assert.Equal(new ProxyAddress(kind, host, port, user, password), address);
        Assert.DoesNotContain("pw", address!.SafeUrl);
    }

    [Theory]
    [InlineData("socks4://proxy:1080", "not supported")]
    [InlineData("proxy:1080", "not supported")]
    [InlineData("nonsense", "a proxy must be a URL")]
    [InlineData("socks5://127.0.0.1:0", "port 0")]
    [InlineData("http://user:pw@proxy.corp:0", "port 0")]
    public void ProxyAddress_RefusesWhatItCannotUse(string url, string expected)
    {
        Assert.False(ProxyAddress.TryParse(url, out _, out var problem));
        Assert.Contains(expected, problem);
    }

    [Fact]
    public void ConnectHelper_TakesProxy_AndKeepsCredentialsOutOfTheDisplay()
    {
        var command = Assert.IsType<ConnectCommand>(CommandLineParser.Parse("/connect smtp.example.com 587 --starttls --proxy socks5://me:secret@127.0.0.1:1080"));
        Assert.Equal(new Uri("socks5://me:secret@127.0.0.1:1080"), command.Proxy);
        Assert.DoesNotContain("secret", command.Display);
        Assert.Contains("--proxy socks5://127.0.0.1:1080", command.Display);
        Assert.True(Assert.IsType<ConnectCommand>(CommandLineParser.Parse("/connect smtp.example.com --no-proxy")).NoProxy);
        Assert.Throws<CommandSyntaxException>(() => CommandLineParser.Parse("/connect h --proxy ftp://x"));
    }
}
