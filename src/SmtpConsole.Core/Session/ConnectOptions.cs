using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace SmtpConsole.Core.Session;

/// <summary>Everything needed to open one session.</summary>
public sealed record ConnectOptions
{
    public required string Host { get; init; }
    public required int Port { get; init; }
    public SecurityMode Security { get; init; } = SecurityMode.Plain;
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long to wait for each reply before giving up on it (the session stays open).</summary>
    public TimeSpan ReplyTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Name sent in EHLO when the user gives none (and by the starttls security mode).</summary>
    public string EhloName { get; init; } = DefaultEhloName();

    /// <summary>A PEM file of extra trusted CA certificates (e.g. a test server's self-signed CA).</summary>
    public string? CaFile { get; init; }

    /// <summary>Accept any certificate. Explicit, and recorded in the transcript.</summary>
    public bool Insecure { get; init; }

    /// <summary>Trust exactly this certificate and no other (the built-in practice server's ephemeral certificate).</summary>
    public X509Certificate2? PinnedCertificate { get; init; }

    /// <summary>Oldest TLS version allowed; null uses the system default (TLS 1.2+).</summary>
    public SslProtocols? MinimumTlsVersion { get; init; }

    /// <summary>The name checked against the certificate (and sent as SNI); defaults to <see cref="Host"/>.</summary>
    public string? TlsServerName { get; init; }

    /// <summary>Decoding for reply text that is not UTF-8 (e.g. GB18030 for QQ); null escapes such bytes.</summary>
    public Encoding? ReplyFallbackEncoding { get; init; }

    /// <summary>A label shown in the transcript and status (a profile name, "practice server").</summary>
    public string? Label { get; init; }

    /// <summary>The profile these options came from: provider notes, rules and preferred mechanisms.</summary>
    public Profiles.ConnectionProfile? Profile { get; init; }

    /// <summary>
    /// Reach the server through this proxy: <c>socks5://[user:pass@]host:port</c> or <c>http://[user:pass@]host:port</c>
    /// (CONNECT). Null connects directly.
    /// </summary>
    public Uri? Proxy { get; init; }

    /// <summary>The usual port for a security mode: 25 plain, 587 STARTTLS, 465 implicit TLS.</summary>
    /// <summary>How a saved transcript names this target when its address is not worth saving (e.g. "practice": a fresh server each run).</summary>
    public string? ScriptName { get; init; }

    public static int DefaultPort(SecurityMode mode) => mode switch
    {
        SecurityMode.Tls => 465,
        SecurityMode.StartTls => 587,
        _ => 25,
    };

    private static string DefaultEhloName()
    {
        try
        {
            string name = System.Net.Dns.GetHostName();
            return string.IsNullOrWhiteSpace(name) || name.Contains(' ') ? "localhost" : name;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return "localhost";
        }
    }
}
