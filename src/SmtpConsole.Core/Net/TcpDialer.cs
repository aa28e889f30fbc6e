using System.Net;
using System.Net.Sockets;

namespace SmtpConsole.Core.Net;

/// <summary>
/// Connects to the first of several addresses that answers, as both the direct connection and the proxy
/// connection do. A refusal or socket error moves on to the next address; running out of time stops, because
/// the deadline is shared by all of them. Each failure is worded by the caller, which knows what it was dialling.
/// </summary>
internal static class TcpDialer
{
    /// <summary>
    /// The connected socket (no Nagle delay), or null when no address answered; <paramref name="failures"/> then
    /// holds one line an address tried. Cancelling <paramref name="ct"/> (not the deadline) is rethrown.
    /// </summary>
    public static async Task<Socket?> ConnectFirstAsync(
        IEnumerable<IPAddress> addresses,
        int port,
        CancellationToken deadline,
        CancellationToken ct,
        Func<IPAddress, SocketException, string> describeError,
        Func<IPAddress, string> describeTimeout,
        List<string> failures)
    {
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, port), deadline).ConfigureAwait(false);
                return socket;
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                failures.Add(describeError(address, ex));
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                socket.Dispose();
                failures.Add(describeTimeout(address));
                break;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
        return null;
    }
}
