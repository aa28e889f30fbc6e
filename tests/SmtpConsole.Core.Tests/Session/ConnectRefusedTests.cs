using System.Net;
using System.Net.Sockets;
using SmtpConsole.Core.Proxy;
using SmtpConsole.Core.Session;

namespace SmtpConsole.Core.Tests.Session;

/// <summary>
/// The direct connection and the proxy connection share one dialling loop; each still words a refused address
/// in its own terms and names the address it tried.
/// </summary>
public class ConnectRefusedTests
{
    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    [Fact]
    public async Task DirectConnection_ToClosedPort_SaysNothingListens()
    {
        int port = ClosedPort();
        var ex = await Assert.ThrowsAsync<SmtpConnectionException>(() =>
            SmtpConnection.OpenAsync("127.0.0.1", port, TimeSpan.FromSeconds(5), null, CancellationToken.None));
        Assert.Equal($"cannot connect: 127.0.0.1:{port}: connection refused (nothing listens on that port)", ex.Message);
    }

    [Fact]
    public async Task ProxyConnection_ToClosedPort_SaysNoProxyListens()
    {
        int port = ClosedPort();
        Assert.True(ProxyAddress.TryParse($"socks5://127.0.0.1:{port}", out var proxy, out var error), error);
        var ex = await Assert.ThrowsAsync<ProxyConnectionException>(() =>
            ProxyConnector.ConnectAsync(proxy!, "mail.example", 25, TimeSpan.FromSeconds(5), null, CancellationToken.None));
        Assert.Equal($"cannot reach the {proxy!.Display}: 127.0.0.1:{port}: connection refused (no proxy listens there)", ex.Message);
    }
}
