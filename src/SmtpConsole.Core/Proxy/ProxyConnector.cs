using SmtpConsole.Core.Messages;
using System.Net;
using System.Net.Sockets;
using SmtpConsole.Core.Net;

namespace SmtpConsole.Core.Proxy;

/// <summary>
/// Opens a TCP connection to the SMTP server through a SOCKS5 or HTTP CONNECT proxy: connects to the proxy, runs
/// the handshake, and hands back the socket as if it were connected to the server. Every step is reported through
/// <c>progress</c> (never the proxy credentials); every refusal becomes an <see cref="ProxyConnectionException"/>
/// that says which side refused and why.
/// </summary>
public static class ProxyConnector
{
    public static async Task<Socket> ConnectAsync(ProxyAddress proxy, string host, int port, TimeSpan timeout, Action<string>? progress, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        string target = FormatTarget(host, port);
        Socket socket = await ConnectToProxyAsync(proxy, timeout, deadline.Token, ct).ConfigureAwait(false);
        progress?.Invoke(Messages.ProxyMessages.ConnectedAskingForTunnel(proxy.Kind == ProxyKind.Socks5 ? Messages.SessionMessages.Socks5Proxy(proxy.HostPort) : Messages.SessionMessages.HttpProxy(proxy.HostPort), target));
        try
        {
            using var stream = new NetworkStream(socket, ownsSocket: false);
            if (proxy.Kind == ProxyKind.Socks5) await Socks5Handshake.RunAsync(stream, proxy, host, port, progress, deadline.Token).ConfigureAwait(false);
            else await HttpConnectHandshake.RunAsync(stream, proxy, host, port, progress, deadline.Token).ConfigureAwait(false);
            return socket;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            socket.Dispose();
            throw new ProxyConnectionException(ProxyErrorMessages.HandshakeTimeout(proxy.Display, timeout.TotalSeconds.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)));
        }
        catch (IOException ex)
        {
            socket.Dispose();
            throw new ProxyConnectionException(ProxyErrorMessages.ClosedDuringHandshake(proxy.Display, ex.InnerException?.Message ?? ex.Message), ex);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>"host:port", IPv6 literals in brackets.</summary>
    public static string FormatTarget(string host, int port)
    {
        string bare = host.Trim('[', ']');
        return (bare.Contains(':') ? "[" + bare + "]" : bare) + ":" + port.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<Socket> ConnectToProxyAsync(ProxyAddress proxy, TimeSpan timeout, CancellationToken deadline, CancellationToken ct)
    {
        IPAddress[] addresses;
        if (IPAddress.TryParse(proxy.Host, out var ip))
        {
            addresses = [ip];
        }
        else
        {
            try
            {
                addresses = await Dns.GetHostAddressesAsync(proxy.Host, deadline).ConfigureAwait(false);
            }
            catch (SocketException ex)
            {
                throw new ProxyConnectionException(ProxyErrorMessages.CannotResolve(proxy.Host, ex.Message), ex);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                throw new ProxyConnectionException(ProxyErrorMessages.ResolveTimeout(proxy.Host, timeout.TotalSeconds.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)));
            }
        }
        var failures = new List<string>();
        var socket = await TcpDialer.ConnectFirstAsync(addresses, proxy.Port, deadline, ct,
            (address, ex) => ex.SocketErrorCode == SocketError.ConnectionRefused ? ProxyErrorMessages.Refused(FormatTarget(address.ToString(), proxy.Port)) : $"{FormatTarget(address.ToString(), proxy.Port)}: {ex.Message}",
            address => ProxyErrorMessages.NoAnswer(FormatTarget(address.ToString(), proxy.Port), timeout.TotalSeconds.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)),
            failures).ConfigureAwait(false);
        if (socket is not null) return socket;
        throw new ProxyConnectionException(ProxyErrorMessages.CannotReach(proxy.Display, string.Join("; ", failures)));
    }
}
