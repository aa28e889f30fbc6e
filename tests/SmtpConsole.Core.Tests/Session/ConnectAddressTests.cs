using System.Net;
using System.Net.Sockets;
using System.Text;
using SmtpConsole.Core.Session;
using SmtpConsole.Core.Tests.Support;

namespace SmtpConsole.Core.Tests.Session;

/// <summary>Connecting by IPv6 literal, bracketed literal and host name, each to a listener that greets.</summary>
public class ConnectAddressTests
{
    [Theory]
    [InlineData("::1")]
    [InlineData("[::1]")]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    public async Task Connect_ByAddressOrName_ReadsGreeting(string host)
    {
        bool v6 = host.Contains(':');
        var listener = new TcpListener(v6 ? IPAddress.IPv6Loopback : IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var serve = Task.Run(async () =>
        {
            using var client = await listener.AcceptTcpClientAsync();
            await client.GetStream().WriteAsync(Encoding.ASCII.GetBytes("220 hello over " + (v6 ? "IPv6" : "IPv4") + "\r\n"));
            await Task.Delay(500);
        });
        await using var h = new SessionHarness(port);
        var result = await h.Session.ConnectAsync(h.Options with { Host = host });
        listener.Stop();
        Assert.True(result.Reply?.Code == 220, result.Message);
        await serve;
    }
}
