using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SmtpConsole.IntegrationTests.Breadth;

/// <summary>A minimal SOCKS5 server (RFC 1928 CONNECT, RFC 1929 username/password) for the proxy tests.</summary>
public sealed class TestSocks5Proxy : RelayProxy
{
    protected override async Task<Socket?> HandshakeAsync(NetworkStream client, CancellationToken ct)
    {
        byte[] greeting = await ReadAsync(client, 2, ct);
        byte[] methods = await ReadAsync(client, greeting[1], ct);
        bool needAuth = RequiredUser is not null;
        byte method = needAuth ? (byte)2 : (byte)0;
        if (!methods.Contains(method))
        {
            await client.WriteAsync(new byte[] { 5, 0xFF }, ct);
            return null;
        }
        await client.WriteAsync(new byte[] { 5, method }, ct);
        if (needAuth)
        {
            byte[] v = await ReadAsync(client, 2, ct);
            string user = Encoding.UTF8.GetString(await ReadAsync(client, v[1], ct));
            byte[] pl = await ReadAsync(client, 1, ct);
            string password = Encoding.UTF8.GetString(await ReadAsync(client, pl[0], ct));
            bool ok = user == RequiredUser && password == RequiredPassword;
            await client.WriteAsync(new byte[] { 1, ok ? (byte)0 : (byte)1 }, ct);
            if (!ok) return null;
        }
        byte[] head = await ReadAsync(client, 4, ct);
        string host = head[3] switch
        {
            1 => new IPAddress(await ReadAsync(client, 4, ct)).ToString(),
            4 => new IPAddress(await ReadAsync(client, 16, ct)).ToString(),
            _ => Encoding.ASCII.GetString(await ReadAsync(client, (await ReadAsync(client, 1, ct))[0], ct)),
        };
        int port = BinaryPrimitives.ReadUInt16BigEndian(await ReadAsync(client, 2, ct));
        Record(host, port);
        byte reply = 0;
        Socket? upstream = null;
        if (AllowedPorts is not null && !AllowedPorts.Contains(port)) reply = 2;
        else if ((upstream = await DialAsync(host, port, ct)) is null) reply = 5;
        await client.WriteAsync(new byte[] { 5, reply, 0, 1, 127, 0, 0, 1, 0, 0 }, ct);
        return upstream;
    }

    private static async Task<byte[]> ReadAsync(Stream stream, int count, CancellationToken ct)
    {
        byte[] buffer = new byte[count];
        await stream.ReadExactlyAsync(buffer, ct);
        return buffer;
    }
}
