using SmtpConsole.Core.Messages;
using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SmtpConsole.Core.Proxy;

/// <summary>The client side of SOCKS5 (RFC 1928) with username/password authentication (RFC 1929).</summary>
internal static class Socks5Handshake
{
    private const byte Version = 5;
    private const byte NoAuthentication = 0;
    private const byte UserPassword = 2;
    private const byte NoAcceptableMethod = 0xFF;

    public static async Task RunAsync(Stream stream, ProxyAddress proxy, string host, int port, Action<string>? progress, CancellationToken ct)
    {
        byte[] methods = proxy.HasCredentials ? [NoAuthentication, UserPassword] : [NoAuthentication];
        await stream.WriteAsync((byte[])[Version, (byte)methods.Length, .. methods], ct).ConfigureAwait(false);
        progress?.Invoke(proxy.HasCredentials ? Messages.ProxyMessages.Socks5OfferedNoAuthenticationOrPassword : Messages.ProxyMessages.Socks5OfferedNoAuthentication);
        byte[] choice = await ReadExactlyAsync(stream, 2, ct).ConfigureAwait(false);
        if (choice[0] != Version) throw new ProxyConnectionException(ProxyErrorMessages.NotSocks5(proxy.Display, choice[0]));
        switch (choice[1])
        {
            case NoAuthentication:
                progress?.Invoke(Messages.ProxyMessages.Socks5NeedsNoAuthentication);
                break;
            case UserPassword when proxy.HasCredentials:
                await AuthenticateAsync(stream, proxy, progress, ct).ConfigureAwait(false);
                break;
            case NoAcceptableMethod or UserPassword:
                throw new ProxyConnectionException(proxy.HasCredentials
                    ? ProxyErrorMessages.Socks5NoMethod(proxy.Display)
                    : ProxyErrorMessages.Socks5NeedsCredentials(proxy.Display, proxy.SafeUrl["socks5://".Length..]));
            default:
                throw new ProxyConnectionException(ProxyErrorMessages.Socks5UnknownMethod(proxy.Display, choice[1].ToString(CultureInfo.InvariantCulture)));
        }

        byte[] request = BuildConnectRequest(host, port, out string how);
        await stream.WriteAsync(request, ct).ConfigureAwait(false);
        progress?.Invoke(Messages.ProxyMessages.Socks5Connect(ProxyConnector.FormatTarget(host, port), how));
        byte[] head = await ReadExactlyAsync(stream, 4, ct).ConfigureAwait(false);
        if (head[0] != Version) throw new ProxyConnectionException(ProxyErrorMessages.Socks5Malformed(proxy.Display, head[0].ToString(CultureInfo.InvariantCulture)));
        if (head[1] != 0)
            throw new ProxyConnectionException(ProxyErrorMessages.Socks5Refused(proxy.Display, ProxyConnector.FormatTarget(host, port), ReplyMeaning(head[1]), head[1].ToString(CultureInfo.InvariantCulture)));
        string bound = await ReadBoundAddressAsync(stream, head[3], ct).ConfigureAwait(false);
        progress?.Invoke(Messages.ProxyMessages.Socks5TunnelOpen(bound));
    }

    private static async Task AuthenticateAsync(Stream stream, ProxyAddress proxy, Action<string>? progress, CancellationToken ct)
    {
        byte[] user = Encoding.UTF8.GetBytes(proxy.User!);
        byte[] password = Encoding.UTF8.GetBytes(proxy.Password ?? string.Empty);
        if (user.Length is 0 or > 255 || password.Length > 255)
            throw new ProxyConnectionException(ProxyErrorMessages.Socks5CredentialLength);
        progress?.Invoke(Messages.ProxyMessages.Socks5SendingCredentials);
        await stream.WriteAsync((byte[])[1, (byte)user.Length, .. user, (byte)password.Length, .. password], ct).ConfigureAwait(false);
        byte[] status = await ReadExactlyAsync(stream, 2, ct).ConfigureAwait(false);
        if (status[1] != 0) throw new ProxyConnectionException(ProxyErrorMessages.Socks5BadCredentials(proxy.Display, status[1].ToString(CultureInfo.InvariantCulture)));
        progress?.Invoke(Messages.ProxyMessages.Socks5CredentialsAccepted);
    }

    private static byte[] BuildConnectRequest(string host, int port, out string how)
    {
        string bare = host.Trim('[', ']');
        byte[] portBytes = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(portBytes, (ushort)port);
        if (IPAddress.TryParse(bare, out var ip))
        {
            how = Messages.ProxyMessages.Socks5ByAddress;
            byte type = ip.AddressFamily == AddressFamily.InterNetworkV6 ? (byte)4 : (byte)1;
            return [Version, 1, 0, type, .. ip.GetAddressBytes(), .. portBytes];
        }
        // The name goes to the proxy so it resolves it: behind a firewall the client often cannot resolve outside names.
        string ascii;
        try
        {
            ascii = new IdnMapping().GetAscii(bare);
        }
        catch (ArgumentException)
        {
            throw new ProxyConnectionException(ProxyErrorMessages.InvalidHostName(bare));
        }
        byte[] name = Encoding.ASCII.GetBytes(ascii);
        if (name.Length > 255) throw new ProxyConnectionException(ProxyErrorMessages.Socks5NameTooLong);
        how = Messages.ProxyMessages.Socks5ByNameResolvedByProxy;
        return [Version, 1, 0, 3, (byte)name.Length, .. name, .. portBytes];
    }

    private static async Task<string> ReadBoundAddressAsync(Stream stream, byte type, CancellationToken ct)
    {
        byte[] address = type switch
        {
            1 => await ReadExactlyAsync(stream, 4, ct).ConfigureAwait(false),
            4 => await ReadExactlyAsync(stream, 16, ct).ConfigureAwait(false),
            3 => await ReadExactlyAsync(stream, (await ReadExactlyAsync(stream, 1, ct).ConfigureAwait(false))[0], ct).ConfigureAwait(false),
            _ => throw new ProxyConnectionException(ProxyErrorMessages.Socks5UnknownAddressType(type.ToString(CultureInfo.InvariantCulture))),
        };
        byte[] portBytes = await ReadExactlyAsync(stream, 2, ct).ConfigureAwait(false);
        int port = BinaryPrimitives.ReadUInt16BigEndian(portBytes);
        string host = type == 3 ? Encoding.ASCII.GetString(address) : new IPAddress(address).ToString();
        return ProxyConnector.FormatTarget(host, port);
    }

    private static string ReplyMeaning(byte code) => code switch
    {
        1 => ProxyErrorMessages.Socks5GeneralFailure,
        2 => ProxyErrorMessages.Socks5NotAllowed,
        3 => ProxyErrorMessages.Socks5NetworkUnreachable,
        4 => ProxyErrorMessages.Socks5HostUnreachable,
        5 => ProxyErrorMessages.Socks5ConnectionRefused,
        6 => ProxyErrorMessages.Socks5TtlExpired,
        7 => ProxyErrorMessages.Socks5CommandNotSupported,
        8 => ProxyErrorMessages.Socks5AddressTypeNotSupported,
        _ => ProxyErrorMessages.Socks5UnknownReply(code),
    };

    private static async Task<byte[]> ReadExactlyAsync(Stream stream, int count, CancellationToken ct)
    {
        byte[] buffer = new byte[count];
        try
        {
            await stream.ReadExactlyAsync(buffer, ct).ConfigureAwait(false);
        }
        catch (EndOfStreamException ex)
        {
            throw new ProxyConnectionException(ProxyErrorMessages.Socks5ClosedMidHandshake, ex);
        }
        return buffer;
    }
}
