using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace SmtpConsole.PracticeServer;

/// <summary>
/// The practice ESMTP server: listens (on loopback by default), runs one task per connection, and collects what it
/// receives in <see cref="Inbox"/>. A misbehaving client only ever ends its own connection. Dispose or
/// <see cref="StopAsync"/> closes the listener and every open connection.
/// </summary>
public sealed class PracticeSmtpServer : IAsyncDisposable
{
    private readonly TcpListener listener;
    private readonly SslStreamCertificateContext certificateContext;
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentDictionary<long, Task> connections = new();
    private readonly ConcurrentDictionary<IPAddress, int> connectionsPerClient = new();
    private readonly Lock stopGate = new();
    private Task acceptLoop = Task.CompletedTask;
    private Task? stopTask;
    private long nextConnectionId;
    private int openConnections;

    private PracticeSmtpServer(PracticeServerOptions options, TcpListener listener, X509Certificate2 certificate)
    {
        Options = options;
        this.listener = listener;
        Certificate = certificate;
        certificateContext = SslStreamCertificateContext.Create(certificate, additionalCertificates: null, offline: true);
        Inbox = new PracticeInbox(options.MaxStoredMessages, options.MaxStoredBytes);
        EndPoint = (IPEndPoint)listener.LocalEndpoint;
    }

    /// <summary>The settings the server runs with.</summary>
    public PracticeServerOptions Options { get; }

    /// <summary>The address and port actually listened on (the real port when <see cref="PracticeServerOptions.Port"/> was 0).</summary>
    public IPEndPoint EndPoint { get; }

    /// <summary>The port actually listened on.</summary>
    public int Port => EndPoint.Port;

    /// <summary>The server's host name, as in its greeting.</summary>
    public string HostName => Options.HostName;

    /// <summary>
    /// The ephemeral self-signed certificate used for STARTTLS, private key included. Clients trust it by comparing
    /// fingerprints (<see cref="PracticeCertificate.IsSameCertificate"/>). Disposed with the server.
    /// </summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>The messages received so far.</summary>
    public PracticeInbox Inbox { get; }

    /// <summary>The accounts accepted by AUTH.</summary>
    public IReadOnlyList<PracticeAccount> Accounts => Options.Accounts;

    /// <summary>True until <see cref="StopAsync"/> is called.</summary>
    public bool IsRunning => !stopping.IsCancellationRequested;

    /// <summary>Creates the certificate, binds the port and starts accepting connections.</summary>
    /// <param name="options">Settings; null for the defaults (a free port on 127.0.0.1).</param>
    /// <param name="cancellationToken">Cancels start-up only; use <see cref="StopAsync"/> to stop a running server.</param>
    /// <exception cref="SocketException">The port is in use or cannot be bound.</exception>
    public static Task<PracticeSmtpServer> StartAsync(PracticeServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new PracticeServerOptions();
        options.Validate();
        cancellationToken.ThrowIfCancellationRequested();

        var certificate = PracticeCertificate.Create(options.HostName);
        var listener = new TcpListener(options.BindAddress, options.Port);
        try
        {
            listener.Start();
        }
        catch
        {
            certificate.Dispose();
            throw;
        }

        var server = new PracticeSmtpServer(options, listener, certificate);
        server.acceptLoop = server.AcceptLoopAsync();
        return Task.FromResult(server);
    }

    /// <summary>Stops listening and closes every connection, waiting until their tasks have ended. Safe to call twice.</summary>
    public Task StopAsync()
    {
        lock (stopGate)
        {
            return stopTask ??= StopCoreAsync();
        }
    }

    /// <summary>Stops the server and disposes the certificate.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        Certificate.Dispose();
        stopping.Dispose();
    }

    private async Task StopCoreAsync()
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        listener.Stop();
        await acceptLoop.ConfigureAwait(false);
        await Task.WhenAll(connections.Values).ConfigureAwait(false);
    }

    private async Task AcceptLoopAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptSocketAsync(stopping.Token).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException || stopping.IsCancellationRequested)
            {
                break;
            }
            catch (SocketException)
            {
                // A client that reset before we accepted it; keep serving the others.
                continue;
            }

            var id = Interlocked.Increment(ref nextConnectionId);
            var connection = ServeAsync(socket);
            connections[id] = connection;
            _ = connection.ContinueWith(_ => connections.TryRemove(id, out var _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        // Leave the accept loop at once; the conversation runs on its own.
        await Task.Yield();
        var clientAddress = (socket.RemoteEndPoint as IPEndPoint)?.Address;
        var counted = clientAddress is not null && (Options.LimitLoopbackClients || !IPAddress.IsLoopback(clientAddress));
        try
        {
            var total = Interlocked.Increment(ref openConnections);
            var fromClient = counted ? connectionsPerClient.AddOrUpdate(clientAddress!, 1, (_, count) => count + 1) : 0;
            if (total > Options.MaxConnections || fromClient > Options.MaxConnectionsPerClient)
            {
                await RefuseAsync(socket).ConfigureAwait(false);
                return;
            }

            socket.NoDelay = true;
            await new PracticeConnection(socket, Options, Inbox, certificateContext).RunAsync(stopping.Token).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Whatever goes wrong with one client must not take the server down.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Log($"connection error: {exception.GetType().Name}: {exception.Message}");
        }
        finally
        {
            Interlocked.Decrement(ref openConnections);
            if (counted)
            {
                ReleaseClientSlot(clientAddress!);
            }

            socket.Dispose();
        }
    }

    private void ReleaseClientSlot(IPAddress client)
    {
        while (connectionsPerClient.TryGetValue(client, out var count))
        {
            var updated = count <= 1
                ? connectionsPerClient.TryRemove(new KeyValuePair<IPAddress, int>(client, count))
                : connectionsPerClient.TryUpdate(client, count - 1, count);
            if (updated)
            {
                return;
            }
        }
    }

    private async Task RefuseAsync(Socket socket)
    {
        var client = (socket.RemoteEndPoint as IPEndPoint)?.Address.ToString() ?? "unknown";
        Log($"refused {client}: too many connections");
        var reply = SessionReply.Line($"421 4.7.0 {HostName} Error: too many connections from {client}");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token);
        timeout.CancelAfter(TimeSpan.FromSeconds(2));
        await socket.SendAsync(reply.ToWireBytes(), SocketFlags.None, timeout.Token).ConfigureAwait(false);
    }

    private void Log(string line) => Options.WriteLog(line);
}
