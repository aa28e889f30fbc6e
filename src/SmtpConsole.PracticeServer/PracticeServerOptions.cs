using System.Net;

namespace SmtpConsole.PracticeServer;

/// <summary>
/// Settings for <see cref="PracticeSmtpServer"/>. The defaults mirror a stock Postfix submission-like setup
/// listening on loopback only.
/// </summary>
public sealed class PracticeServerOptions
{
    /// <summary>The host name used in the greeting, EHLO reply and as the local mail domain.</summary>
    public const string DefaultHostName = "practice.smtpconsole.test";

    /// <summary>TCP port to listen on; 0 picks a free port.</summary>
    public int Port { get; init; }

    /// <summary>Address to bind. Loopback by default so nothing outside this machine can reach the server.</summary>
    public IPAddress BindAddress { get; init; } = IPAddress.Loopback;

    /// <summary>
    /// The server's name (Postfix's <c>myhostname</c>). Also the local domain: mail to any address
    /// at this domain is accepted without authentication.
    /// </summary>
    public string HostName { get; init; } = DefaultHostName;

    /// <summary>
    /// When true, AUTH is offered and allowed before STARTTLS (like Postfix with <c>smtpd_tls_auth_only = no</c>).
    /// Off by default because sending passwords in the clear is exactly what learners should see refused.
    /// </summary>
    public bool AllowPlaintextAuth { get; init; }

    /// <summary>Largest accepted message in bytes, advertised in the EHLO SIZE keyword (Postfix's <c>message_size_limit</c>).</summary>
    public long MaxMessageSize { get; init; } = 10 * 1024 * 1024;

    /// <summary>How long the server waits for the client to send something before answering 421 and hanging up.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a new connection may stay silent before its first HELO/EHLO (then <see cref="IdleTimeout"/> applies).
    /// Shorter, so clients that connect and say nothing cannot hold connection slots for minutes.
    /// </summary>
    public TimeSpan GreetingTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The timeout before the first HELO/EHLO: the shorter of <see cref="GreetingTimeout"/> and <see cref="IdleTimeout"/>.</summary>
    public TimeSpan EffectiveGreetingTimeout => GreetingTimeout < IdleTimeout ? GreetingTimeout : IdleTimeout;

    /// <summary>Longest accepted command line in bytes, excluding CRLF (Postfix's <c>line_length_limit</c>).</summary>
    public int MaxLineLength { get; init; } = 2048;

    /// <summary>Most simultaneous connections in all (Postfix's <c>default_process_limit</c> is 100); further clients get 421.</summary>
    public int MaxConnections { get; init; } = 500;

    /// <summary>
    /// Most simultaneous connections from one client address (Postfix's <c>smtpd_client_connection_count_limit</c>,
    /// 50 by default). Loopback clients are exempt while <see cref="LimitLoopbackClients"/> is false, as Postfix exempts
    /// <c>mynetworks</c>, so load tools such as <c>smtp-source -s 40</c> work against the practice server.
    /// </summary>
    public int MaxConnectionsPerClient { get; init; } = 50;

    /// <summary>When true, <see cref="MaxConnectionsPerClient"/> applies to loopback clients too.</summary>
    public bool LimitLoopbackClients { get; init; }

    /// <summary>Most recipients per message (Postfix's <c>smtpd_recipient_limit</c>).</summary>
    public int MaxRecipients { get; init; } = 1000;

    /// <summary>
    /// Errors a client may make before the server answers 421 and disconnects (Postfix's <c>smtpd_hard_error_limit</c>).
    /// A successfully received message resets the count, as in Postfix.
    /// </summary>
    public int HardErrorLimit { get; init; } = 20;

    /// <summary>How many received messages the inbox keeps; the oldest are dropped beyond this.</summary>
    public int MaxStoredMessages { get; init; } = 1000;

    /// <summary>How many content bytes the inbox keeps in all; the oldest messages are dropped beyond this.</summary>
    public long MaxStoredBytes { get; init; } = PracticeInbox.DefaultMaxTotalBytes;

    /// <summary>The accounts accepted by AUTH. Defaults to <see cref="PracticeAccount.Demo"/> and <see cref="PracticeAccount.Learner"/>.</summary>
    public IReadOnlyList<PracticeAccount> Accounts { get; init; } = [PracticeAccount.Demo, PracticeAccount.Learner];

    /// <summary>
    /// Receives one human-readable line per notable event (connection, TLS, AUTH, message, disconnect).
    /// Called from connection tasks, so it must be thread-safe.
    /// </summary>
    public Action<string>? Log { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> when a setting cannot work.</summary>
    public void Validate()
    {
        if (Port is < 0 or > IPEndPoint.MaxPort)
        {
            throw new ArgumentException($"Port must be between 0 and {IPEndPoint.MaxPort}.", nameof(Port));
        }

        ArgumentNullException.ThrowIfNull(BindAddress);
        if (string.IsNullOrWhiteSpace(HostName) || HostName.Any(char.IsWhiteSpace))
        {
            throw new ArgumentException("HostName must be a non-empty name without spaces.", nameof(HostName));
        }

        if (MaxMessageSize <= 0)
        {
            throw new ArgumentException("MaxMessageSize must be positive.", nameof(MaxMessageSize));
        }

        if (IdleTimeout <= TimeSpan.Zero || GreetingTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("IdleTimeout and GreetingTimeout must be positive.", nameof(IdleTimeout));
        }

        // RFC 5321 section 4.5.3.1.4 requires at least 512 octets per command line.
        if (MaxLineLength < 512)
        {
            throw new ArgumentException("MaxLineLength must be at least 512 (RFC 5321).", nameof(MaxLineLength));
        }

        if (MaxConnections <= 0 || MaxConnectionsPerClient <= 0 || MaxRecipients <= 0 || HardErrorLimit <= 0 || MaxStoredMessages <= 0 || MaxStoredBytes <= 0)
        {
            throw new ArgumentException("Connection, recipient, error and inbox limits must be positive.");
        }

        ArgumentNullException.ThrowIfNull(Accounts);
        if (Accounts.Any(account => account is null || string.IsNullOrEmpty(account.UserName)))
        {
            throw new ArgumentException("Every account needs a user name.", nameof(Accounts));
        }
    }

    /// <summary>Hands a line to <see cref="Log"/>; whatever the sink throws is swallowed.</summary>
    internal void WriteLog(string line)
    {
        try
        {
            Log?.Invoke(line);
        }
#pragma warning disable CA1031 // A broken log sink must not break the client's SMTP session or the server.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    /// <summary>A copy of these options with a different <see cref="Log"/>.</summary>
    internal PracticeServerOptions WithLog(Action<string>? log) => new()
    {
        Port = Port,
        BindAddress = BindAddress,
        HostName = HostName,
        AllowPlaintextAuth = AllowPlaintextAuth,
        MaxMessageSize = MaxMessageSize,
        IdleTimeout = IdleTimeout,
        GreetingTimeout = GreetingTimeout,
        MaxConnectionsPerClient = MaxConnectionsPerClient,
        LimitLoopbackClients = LimitLoopbackClients,
        MaxLineLength = MaxLineLength,
        MaxConnections = MaxConnections,
        MaxRecipients = MaxRecipients,
        HardErrorLimit = HardErrorLimit,
        MaxStoredMessages = MaxStoredMessages,
        MaxStoredBytes = MaxStoredBytes,
        Accounts = Accounts,
        Log = log,
    };
}
