using SmtpConsole.Core.Session;
using SmtpConsole.PracticeServer;

namespace SmtpConsole.Tui;

/// <summary>
/// The built-in practice server that <c>smtpconsole</c> with no arguments talks to: started on 127.0.0.1 on a free
/// port, trusted by pinning its ephemeral certificate (for this server only), stopped when the console exits.
/// All of the default start path lives here.
/// </summary>
internal sealed class PracticeTarget : IAsyncDisposable
{
    private readonly PracticeSmtpServer _server;

    private PracticeTarget(PracticeSmtpServer server, ConnectOptions options)
    {
        _server = server;
        Options = options;
    }

    /// <summary>Where to connect: host, port, pinned certificate, label "practice server".</summary>
    public ConnectOptions Options { get; }

    /// <summary>Lines introducing the practice server (accounts, what to try).</summary>
    public IReadOnlyList<string> Banner => PracticeBanner.Lines(_server);

    public PracticeSmtpServer Server => _server;

    /// <summary>Starts the practice server on a free loopback port.</summary>
    /// <exception cref="System.Net.Sockets.SocketException">No loopback port could be bound.</exception>
    public static async Task<PracticeTarget> StartAsync(ConnectOptions defaults, CancellationToken ct)
    {
        var server = await PracticeSmtpServer.StartAsync(new PracticeServerOptions(), ct).ConfigureAwait(false);
        var options = defaults with
        {
            Host = server.EndPoint.Address.ToString(),
            Port = server.Port,
            Security = SecurityMode.Plain,
            PinnedCertificate = server.Certificate,
            TlsServerName = server.HostName,
            Insecure = false,
            CaFile = null,
            Label = "practice server",
        };
        return new PracticeTarget(server, options);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
