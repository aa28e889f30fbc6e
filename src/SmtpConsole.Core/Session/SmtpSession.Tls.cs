using System.Globalization;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using SmtpConsole.Core.Messages;
using SmtpConsole.Core.Transcript;

namespace SmtpConsole.Core.Session;

public sealed partial class SmtpSession
{
    /// <summary>The certificate the server presented in the last TLS handshake (also after a rejected one).</summary>
    public X509Certificate2? ServerCertificate { get; private set; }

    /// <summary>How the last certificate was judged: trusted or not, every problem found, and what it was trusted by.</summary>
    public TlsVerdict? CertificateVerdict { get; private set; }

    /// <summary>
    /// Bytes the server sent in clear after its 220 to STARTTLS and before the handshake on this connection (discarded,
    /// never read as replies): a broken server or someone in between injecting (CVE-2011-0411). 0 when none came.
    /// </summary>
    public int InjectedBeforeTlsBytes { get; private set; }

    /// <summary>The first of those bytes, escaped (at most 200); null when none came.</summary>
    public string? InjectedBeforeTlsPreview { get; private set; }

    /// <summary>The TLS alert the server ended the last failed handshake with, when the platform named one.</summary>
    public TlsAlert? TlsAlert { get; private set; }

    /// <summary>
    /// Only a well-formed reply whose every line carries 220 lets the handshake start (RFC 3207 §4); a reply that
    /// starts with 220 and ends with another code is not a yes.
    /// </summary>
    private static bool IsGoAheadForTls(Protocol.SmtpReply? reply)
    {
        if (reply is not { Code: 220, IsMalformed: false }) return false;
        var raw = reply.RawBytes.AsSpan();
        while (raw.Length > 0)
        {
            if (!raw.StartsWith("220"u8)) return false;
            int lf = raw.IndexOf((byte)'\n');
            if (lf < 0) break;
            raw = raw[(lf + 1)..];
        }
        return true;
    }

    /// <summary>Runs the TLS handshake on the current connection; returns null on success or the failure.</summary>
    private async Task<CommandResult?> NegotiateTlsAsync(CancellationToken ct)
    {
        var options = Options!;
        TlsAlert = null;
        string serverName = options.TlsServerName ?? options.Host.Trim('[', ']');
        TlsCertificateValidator validator;
        try
        {
            validator = new TlsCertificateValidator(serverName, options.Insecure, options.PinnedCertificate, options.CaFile);
        }
        catch (SmtpConnectionException ex)
        {
            // The CA file could not be read: the remedy is a usable one.
            _transcript.Error(ex.Message, Remedy.TrustCaFile);
            await DisconnectAsync(null).ConfigureAwait(false);
            return CommandResult.Fail(CommandFailure.TlsFailed, ex.Message, Remedy.TrustCaFile);
        }
        var sslOptions = new SslClientAuthenticationOptions
        {
            TargetHost = serverName,
            RemoteCertificateValidationCallback = validator.Validate,
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
            EnabledSslProtocols = ProtocolsFrom(options.MinimumTlsVersion),
            // A diagnostic tool must see and judge the certificate of every handshake; a resumed session would
            // present the certificate of an earlier connection to the same host name (another port, another server).
            AllowTlsResume = false,
        };
        _transcript.Record(new TranscriptEvent(TranscriptEventKind.Tls, TlsMessages.Handshake(serverName)));
        if (options.Insecure && options.PinnedCertificate is null)
            _transcript.Warn(TlsMessages.InsecureWarning);
        SslStream ssl;
        try
        {
            ssl = await _connection!.StartTlsAsync(sslOptions, options.ConnectTimeout, validator, ct).ConfigureAwait(false);
        }
        catch (SmtpConnectionException ex)
        {
            TlsAlert = ex.Alert;
            RecordCertificate(validator, null);
            _transcript.Record(new TranscriptEvent(TranscriptEventKind.Error, ex.Message)
            {
                Remedy = ex.Remedy,
                CertificateProblems = validator.LastVerdict is { Accepted: false } rejected ? [.. rejected.Problems.Select(p => p.Kind)] : null,
            });
            await DisconnectAsync(TlsMessages.ClosedAfterFailure).ConfigureAwait(false);
            return CommandResult.Fail(CommandFailure.TlsFailed, ex.Message, ex.Remedy);
        }
        catch (OperationCanceledException)
        {
            await DisconnectAsync(TlsMessages.HandshakeCancelled).ConfigureAwait(false);
            return CommandResult.Fail(CommandFailure.Cancelled, "cancelled");
        }
        string protocol = DescribeProtocol(ssl.SslProtocol);
        string cipher = ssl.NegotiatedCipherSuite.ToString();
        TlsSummary = $"{protocol} {cipher}";
        _transcript.Record(new TranscriptEvent(TranscriptEventKind.Tls, TlsMessages.Established(protocol, cipher)));
        RecordCertificate(validator, ssl.RemoteCertificate);
        Changed();
        return null;
    }

    private void RecordCertificate(TlsCertificateValidator validator, X509Certificate? remote)
    {
        CertificateVerdict = validator.LastVerdict;
        remote ??= validator.LastCertificate;
        if (remote is not null)
        {
            var certificate = new X509Certificate2(remote);
            ServerCertificate = certificate;
            _transcript.Record(new TranscriptEvent(TranscriptEventKind.Tls, TlsMessages.ServerCertificate + "\n" + string.Join('\n', CertificateDescription.Describe(certificate))));
        }
        if (validator.LastVerdict is not { } verdict) return;
        var language = CoreMessages.Language;
        if (verdict.Accepted && verdict.Problems.Count == 0)
            _transcript.Record(new TranscriptEvent(TranscriptEventKind.Tls, TlsMessages.CertificateVerified(TlsProblemWording.TrustBasis(verdict, language))));
        else if (verdict.Accepted)
            _transcript.Record(new TranscriptEvent(TranscriptEventKind.Warn, TlsMessages.CertificateNotVerified(TlsProblemWording.TrustBasis(verdict, language), TlsProblemWording.Describe(verdict.Problems, language)))
            {
                CertificateProblems = [.. verdict.Problems.Select(p => p.Kind)],
            });
    }

#pragma warning disable SYSLIB0039 // Old protocol versions are offered only when the user asks for them to diagnose old servers.
    private static SslProtocols ProtocolsFrom(SslProtocols? minimum) => minimum switch
    {
        null => SslProtocols.None,
        SslProtocols.Tls => SslProtocols.Tls | SslProtocols.Tls11 | SslProtocols.Tls12 | SslProtocols.Tls13,
        SslProtocols.Tls11 => SslProtocols.Tls11 | SslProtocols.Tls12 | SslProtocols.Tls13,
        SslProtocols.Tls12 => SslProtocols.Tls12 | SslProtocols.Tls13,
        SslProtocols.Tls13 => SslProtocols.Tls13,
        _ => SslProtocols.None,
    };

    private static string DescribeProtocol(SslProtocols protocol) => protocol switch
    {
        SslProtocols.Tls13 => "TLSv1.3",
        SslProtocols.Tls12 => "TLSv1.2",
        SslProtocols.Tls11 => TlsMessages.ObsoleteVersion("TLSv1.1"),
        SslProtocols.Tls => TlsMessages.ObsoleteVersion("TLSv1.0"),
        _ => protocol.ToString(),
    };
#pragma warning restore SYSLIB0039

    /// <summary>Parses "1.0", "1.1", "1.2", "1.3" (as in <c>--tls-min</c>).</summary>
    public static SslProtocols? ParseTlsVersion(string? text) => text?.Trim() switch
    {
        null or "" => null,
#pragma warning disable SYSLIB0039
        "1.0" => SslProtocols.Tls,
        "1.1" => SslProtocols.Tls11,
#pragma warning restore SYSLIB0039
        "1.2" => SslProtocols.Tls12,
        "1.3" => SslProtocols.Tls13,
        _ => throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"TLS version \"{text}\" is not one of 1.0, 1.1, 1.2, 1.3")),
    };
}
