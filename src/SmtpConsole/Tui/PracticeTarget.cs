using SmtpConsole.Core.Session;

namespace SmtpConsole.Tui;

/// <summary>
/// The built-in practice server that <c>smtpconsole</c> with no arguments talks to: started on 127.0.0.1 on a free
/// port, trusted by pinning its ephemeral certificate (for this server only), stopped when the console exits.
/// All of the default start path lives here.
/// </summary>
internal sealed class PracticeTarget : IAsyncDisposable
{
    private PracticeTarget(ConnectOptions options, IReadOnlyList<string> banner)
    {
        Options = options;
        Banner = banner;
    }

    /// <summary>Where to connect: host, port, pinned certificate, label "practice server".</summary>
    public ConnectOptions Options { get; }

    /// <summary>Lines introducing the practice server (accounts, what to try).</summary>
    public IReadOnlyList<string> Banner { get; }

    /// <summary>Why there is no practice server, when <see cref="StartAsync"/> returned null.</summary>
    public static string UnavailableReason => "the built-in practice server is not part of this build; connect to a server with /connect HOST [PORT] or F2";

    /// <summary>Starts the practice server; null when it is not available.</summary>
    public static Task<PracticeTarget?> StartAsync(ConnectOptions defaults, CancellationToken ct)
    {
        _ = (defaults, ct);
        return Task.FromResult<PracticeTarget?>(null);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
