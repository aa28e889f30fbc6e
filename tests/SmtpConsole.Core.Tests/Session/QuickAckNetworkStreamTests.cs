using System.Net;
using System.Net.Sockets;
using SmtpConsole.Core.Session;

namespace SmtpConsole.Core.Tests.Session;

/// <summary>
/// The connection asks Linux for an immediate ACK after every read that returned data, not only after writes: a
/// socket that Linux treats as interactive (it sent data soon after receiving some, as a pipelined group does)
/// delays its ACKs up to 40 ms, and smtp-sink held its next replies behind that ACK (Nagle) in about 1 of 3 runs of
/// a 10,000-RCPT group. TCP_QUICKACK read back is 0 in that delayed ("ping-pong") mode and 1 once quick ACKs are on.
/// </summary>
public class QuickAckNetworkStreamTests
{
    private const int IpProtocolTcp = 6;
    private const int TcpQuickAck = 12;

    [Fact]
    public async Task AReadThatReturnedData_TurnsQuickAcksBackOn()
    {
        if (!OperatingSystem.IsLinux()) return; // TCP_QUICKACK is Linux's; elsewhere the stream only reads
        var (client, server) = await ConnectedPairAsync();
        using (server)
        await using (var stream = new QuickAckNetworkStream(client))
        {
            EnterDelayedAcks(client);
            await server.SendAsync("220 ready\r\n"u8.ToArray());
            byte[] buffer = new byte[64];
            int read = await stream.ReadAsync(buffer);
            Assert.Equal("220 ready\r\n", System.Text.Encoding.ASCII.GetString(buffer, 0, read));
            Assert.Equal(1, QuickAck(client));
        }
    }

    [Fact]
    public async Task EveryReadOverload_TurnsQuickAcksBackOn()
    {
        if (!OperatingSystem.IsLinux()) return;
        var (client, server) = await ConnectedPairAsync();
        using (server)
        await using (var stream = new QuickAckNetworkStream(client))
        {
            byte[] buffer = new byte[64];
            foreach (var read in (Func<Task<int>>[])[
                () => stream.ReadAsync(buffer, 0, buffer.Length),
                () => Task.FromResult(stream.Read(buffer, 0, buffer.Length)),
                () => Task.FromResult(stream.Read(buffer.AsSpan())),
                () => stream.ReadAsync(buffer.AsMemory()).AsTask()])
            {
                EnterDelayedAcks(client);
                await server.SendAsync("250 ok\r\n"u8.ToArray());
                Assert.True(await read() > 0);
                Assert.Equal(1, QuickAck(client));
            }
        }
    }

    [Fact]
    public async Task APlainNetworkStream_LeavesDelayedAcksOn()
    {
        // The situation the stream exists for: without it, a read leaves the socket delaying its ACKs.
        if (!OperatingSystem.IsLinux()) return;
        var (client, server) = await ConnectedPairAsync();
        using (server)
        await using (var stream = new NetworkStream(client, ownsSocket: true))
        {
            EnterDelayedAcks(client);
            await server.SendAsync("220 ready\r\n"u8.ToArray());
            int read = await stream.ReadAsync(new byte[64]);
            Assert.True(read > 0);
            Assert.Equal(0, QuickAck(client));
        }
    }

    [Fact]
    public async Task AnEndOfStream_ReadsZeroAndDoesNotThrow()
    {
        var (client, server) = await ConnectedPairAsync();
        await using var stream = new QuickAckNetworkStream(client);
        server.Shutdown(SocketShutdown.Send);
        server.Dispose();
        Assert.Equal(0, await stream.ReadAsync(new byte[16]));
    }

    /// <summary>TCP_QUICKACK = 0 puts the socket in Linux's delayed-ACK (ping-pong) mode, as sending after receiving does.</summary>
    private static void EnterDelayedAcks(Socket socket)
    {
        socket.SetRawSocketOption(IpProtocolTcp, TcpQuickAck, [0, 0, 0, 0]);
        Assert.Equal(0, QuickAck(socket));
    }

    private static int QuickAck(Socket socket)
    {
        byte[] value = new byte[4];
        socket.GetRawSocketOption(IpProtocolTcp, TcpQuickAck, value);
        return BitConverter.ToInt32(value);
    }

    private static async Task<(Socket Client, Socket Server)> ConnectedPairAsync()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(1);
        var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await client.ConnectAsync(listener.LocalEndPoint!);
        var server = await listener.AcceptAsync();
        return (client, server);
    }
}
