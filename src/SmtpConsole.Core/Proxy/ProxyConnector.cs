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
            throw new ProxyConnectionException($"the {proxy.Display} did not finish its handshake within {timeout.TotalSeconds:0.#} s");
        }
        catch (IOException ex)
        {
            socket.Dispose();
            throw new ProxyConnectionException($"the {proxy.Display} closed the connection during its handshake ({ex.InnerException?.Message ?? ex.Message})", ex);
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
                throw new ProxyConnectionException($"cannot resolve the proxy host name \"{proxy.Host}\": {ex.Message}", ex);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                throw new ProxyConnectionException($"resolving the proxy \"{proxy.Host}\" took longer than {timeout.TotalSeconds:0.#} s");
            }
        }
        var failures = new List<string>();
        var socket = await TcpDialer.ConnectFirstAsync(addresses, proxy.Port, deadline, ct,
            (address, ex) => $"{FormatTarget(address.ToString(), proxy.Port)}: {(ex.SocketErrorCode == SocketError.ConnectionRefused ? "connection refused (no proxy listens there)" : ex.Message)}",
            address => $"{FormatTarget(address.ToString(), proxy.Port)}: no answer within {timeout.TotalSeconds:0.#} s",
            failures).ConfigureAwait(false);
        if (socket is not null) return socket;
        throw new ProxyConnectionException($"cannot reach the {proxy.Display}: " + string.Join("; ", failures));
    }
}
