using System.Globalization;
using SmtpConsole.Core.Messages;
using SmtpConsole.Core.Protocol;
using SmtpConsole.Core.Session;
using SmtpConsole.PracticeServer;

namespace SmtpConsole.Cli;

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

    /// <summary>The name a saved transcript uses for the practice server (<c>/connect practice</c>): replay starts a fresh one.</summary>
    public const string ScriptTargetName = "practice";

    /// <summary>Where to connect: host, port, pinned certificate, label "practice server".</summary>
    public ConnectOptions Options { get; }

    /// <summary>Lines introducing the practice server (accounts, what to try).</summary>
    public IReadOnlyList<string> Banner => PracticeBanner.Lines(_server);

    /// <summary>The banner in the screen's language (the English catalogue text equals <see cref="PracticeBanner"/>'s, a test holds them together).</summary>
    public IReadOnlyList<string> BannerIn(Core.Messages.UiLanguage language) => PracticeBannerText.Lines(_server, language);

    public PracticeSmtpServer Server => _server;

    /// <summary>Starts the practice server on a free loopback port.</summary>
    /// <exception cref="System.Net.Sockets.SocketException">No loopback port could be bound.</exception>
    public static async Task<PracticeTarget> StartAsync(ConnectOptions defaults, CancellationToken ct)
    {
        // Its certificate context builds a chain, which loads the process trust store.
        TrustStoreNarrowing.MarkStoreInUse();
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
            ScriptName = ScriptTargetName,
        };
        return new PracticeTarget(server, options);
    }

    /// <summary>
    /// What arrived, for the inbox panel: the envelope of each message, then its lines exactly as stored (after
    /// dot-unstuffing), control characters shown escaped.
    /// </summary>
    public IReadOnlyList<string> InboxLines(UiLanguage language)
    {
        string Say(string key, params object?[] args) => MessageCatalog.Format(language, "Tui.Inbox." + key, args);
        var messages = _server.Inbox.Messages;
        if (messages.Count == 0) return [Say("Empty")];
        var lines = new List<string>();
        for (int i = 0; i < messages.Count; i++)
        {
            var m = messages[i];
            lines.Add(Say("Header", i + 1, messages.Count, m.Id, m.ReceivedAt.ToLocalTime().ToString("HH:mm:ss", CultureInfo.InvariantCulture),
                m.Size.ToString("N0", CultureInfo.InvariantCulture), Say(m.UsedTls ? "OverTls" : "WithoutTls"),
                m.AuthenticatedUser is { } u ? Say("AuthenticatedAs", u) : Say("NotAuthenticated")));
            lines.Add($"   MAIL FROM:<{m.MailFrom}>{(m.MailParameters.Count > 0 ? " " + string.Join(' ', m.MailParameters) : string.Empty)}");
            foreach (var rcpt in m.Recipients) lines.Add($"   RCPT TO:<{rcpt}>");
            lines.Add(string.Empty);
            foreach (var line in SplitLines(m.RawBytes, Say("NoFinalCrlf"))) lines.Add("   " + line);
            lines.Add(string.Empty);
        }
        return lines;
    }

    private static IEnumerable<string> SplitLines(byte[] raw, string noFinalCrlf)
    {
        int start = 0;
        for (int i = 0; i < raw.Length; i++)
        {
            if (raw[i] != (byte)'\n') continue;
            int end = i > start && raw[i - 1] == (byte)'\r' ? i - 1 : i;
            yield return ServerText.Decode(raw.AsSpan(start, end - start));
            start = i + 1;
        }
        if (start < raw.Length) yield return ServerText.Decode(raw.AsSpan(start)) + noFinalCrlf;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
