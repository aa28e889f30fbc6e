using System.Net;
using System.Net.Sockets;

namespace SmtpConsole.IntegrationTests.Breadth;

/// <summary>
/// Base of the in-process test proxies: accepts on 127.0.0.1, lets the subclass run its handshake, then relays
/// bytes both ways. Targets are resolved here (the point of remote DNS) and only loopback addresses are dialled.
/// </summary>
public abstract class RelayProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private readonly List<Task> _connections = [];

    protected RelayProxy()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>"host:port" of every tunnel asked for, as the client named it.</summary>
    public List<string> Requests { get; } = [];

    /// <summary>Ports the proxy's rules allow; null allows any.</summary>
    public IReadOnlySet<int>? AllowedPorts { get; init; }

    public string? RequiredUser { get; init; }
    public string? RequiredPassword { get; init; }

    public List<Exception> Failures { get; } = [];

    /// <summary>Runs the handshake on a fresh client; returns the connected upstream socket, or null after refusing.</summary>
    protected abstract Task<Socket?> HandshakeAsync(NetworkStream client, CancellationToken ct);

    protected void Record(string host, int port)
    {
        lock (Requests) Requests.Add($"{host}:{port}");
    }

    /// <summary>Resolves and dials the target; null when it is not loopback or nothing answers.</summary>
    protected static async Task<Socket?> DialAsync(string host, int port, CancellationToken ct)
    {
        IPAddress[] addresses = IPAddress.TryParse(host, out var ip) ? [ip] : await Dns.GetHostAddressesAsync(host, ct);
        foreach (var address in addresses.Where(IPAddress.IsLoopback))
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, port), ct);
                return socket;
            }
            catch (SocketException)
            {
                socket.Dispose();
            }
        }
        return null;
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptSocketAsync(_stop.Token);
                lock (_connections) _connections.Add(ServeAsync(client));
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }

    private async Task ServeAsync(Socket client)
    {
        using (client)
        {
            try
            {
                using var clientStream = new NetworkStream(client, ownsSocket: false);
                using var upstream = await HandshakeAsync(clientStream, _stop.Token);
                if (upstream is null) return;
                using var upstreamStream = new NetworkStream(upstream, ownsSocket: false);
                var a = PumpAsync(clientStream, upstreamStream, upstream);
                var b = PumpAsync(upstreamStream, clientStream, client);
                await Task.WhenAll(a, b);
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
            }
            catch (Exception ex)
            {
                lock (Failures) Failures.Add(ex);
            }
        }
    }

    private async Task PumpAsync(Stream from, Stream to, Socket toSocket)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            int n;
            while ((n = await from.ReadAsync(buffer, _stop.Token)) > 0) await to.WriteAsync(buffer.AsMemory(0, n), _stop.Token);
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
        try
        {
            toSocket.Shutdown(SocketShutdown.Send);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        await _accepting;
        Task[] running;
        lock (_connections) running = [.. _connections];
        await Task.WhenAny(Task.WhenAll(running), Task.Delay(2000));
        _stop.Dispose();
        GC.SuppressFinalize(this);
    }
}
