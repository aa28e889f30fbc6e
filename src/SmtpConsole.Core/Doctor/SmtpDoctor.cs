using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using SmtpConsole.Core.Protocol;
using SmtpConsole.Core.Sasl;
using SmtpConsole.Core.Session;
using SmtpConsole.Core.Transcript;

namespace SmtpConsole.Core.Doctor;

/// <summary>
/// Examines a server step by step (DNS, TCP, TLS, EHLO before and after TLS, AUTH, an optional login, an envelope
/// probe closed with RSET) and says what passed, what failed and how to fix it. Uses the same session engine as
/// everything else; nothing is ever delivered.
/// </summary>
public sealed class SmtpDoctor
{
    /// <summary>How long a port may stay silent before the doctor asks whether it speaks implicit TLS.</summary>
    private static readonly TimeSpan SilentPortProbe = TimeSpan.FromSeconds(2);

    private static readonly string[] FallbackMechanisms = ["PLAIN", "LOGIN", "CRAM-MD5", "SCRAM-SHA-256", "SCRAM-SHA-1"];

    private readonly TranscriptRecorder _transcript;
    private readonly Func<string, CancellationToken, Task<IReadOnlyList<string>>>? _lookupMx;
    private readonly Func<SmtpReply, string, string?>? _explain;
    private readonly List<DoctorFinding> _findings = [];

    /// <param name="transcript">Receives the whole dialogue (for --verbose and saved logs).</param>
    /// <param name="lookupMx">MX lookup (DnsClient in the app); null skips MX.</param>
    /// <param name="explain">Turns a refusal and the verb it answered into a short cause/fix (the diagnosis knowledge base).</param>
    public SmtpDoctor(TranscriptRecorder transcript, Func<string, CancellationToken, Task<IReadOnlyList<string>>>? lookupMx = null, Func<SmtpReply, string, string?>? explain = null)
    {
        _transcript = transcript;
        _lookupMx = lookupMx;
        _explain = explain;
    }

    public async Task<DoctorReport> RunAsync(DoctorOptions options, CancellationToken ct = default)
    {
        _findings.Clear();
        var target = options.Target;
        if (!await CheckDnsAsync(target.Host, ct).ConfigureAwait(false)) return new DoctorReport([.. _findings]) { ConnectionFailed = true };
        if (options.MailDomain is { } domain && _lookupMx is not null) await CheckMxAsync(domain, ct).ConfigureAwait(false);

        await using var session = new SmtpSession(_transcript);
        bool implicitTls = target.Security == SecurityMode.Tls;
        // STARTTLS targets are opened in plain mode so the capabilities before TLS can be judged on their own.
        var first = target with { Security = implicitTls ? SecurityMode.Tls : SecurityMode.Plain };
        // A port that stays silent may be waiting for a TLS ClientHello: wait briefly for a plain greeting first.
        bool probeSilence = !implicitTls && first.ReplyTimeout > SilentPortProbe;
        var connected = await session.ConnectAsync(probeSilence ? first with { ReplyTimeout = SilentPortProbe } : first, ct).ConfigureAwait(false);
        if (probeSilence && connected is { Failure: CommandFailure.Timeout, Reply: null })
        {
            if (await SpeaksImplicitTlsAsync(target, ct).ConfigureAwait(false))
            {
                Add("TCP connect", FindingStatus.Pass, ConnectedIn(session, target));
                Add("Greeting", FindingStatus.Fail, string.Create(CultureInfo.InvariantCulture,
                    $"no greeting in plain text within {SilentPortProbe.TotalSeconds:0} s, and the port completed a TLS handshake: this port speaks implicit TLS"),
                    "use --tls (implicit TLS, usually port 465)");
                return await FinishAsync(session).ConfigureAwait(false);
            }
            // Not TLS either: a slow server; give it the full reply timeout on a fresh connection.
            connected = await session.ConnectAsync(first, ct).ConfigureAwait(false);
        }
        if (connected.Failure == CommandFailure.ConnectFailed)
        {
            Add("TCP connect", FindingStatus.Fail, connected.Message ?? "connection failed",
                "check the host and port (587 STARTTLS or 465 TLS for submission; port 25 is often blocked by ISPs and cloud providers) and any firewall in between");
            return new DoctorReport([.. _findings]) { ConnectionFailed = true };
        }
        if (connected.Failure == CommandFailure.TlsFailed)
        {
            ReportTlsFailure(session, connected);
            connected = await session.ConnectAsync(first with { Insecure = true }, ct).ConfigureAwait(false);
            if (connected.Failure != CommandFailure.None) return new DoctorReport([.. _findings]) { ConnectionFailed = true };
            Add("TLS (continued)", FindingStatus.Info, "continuing WITHOUT certificate verification to check the rest");
        }
        else
        {
            Add("TCP connect", FindingStatus.Pass, ConnectedIn(session, target));
            if (implicitTls) ReportTls(session);
        }
        if (!CheckGreeting(connected)) return await FinishAsync(session).ConfigureAwait(false);

        var before = await session.EhloAsync(target.EhloName, ct).ConfigureAwait(false);
        if (!before.Succeeded)
        {
            Add("EHLO", FindingStatus.Fail, Describe(before), Explain(before, "EHLO") ?? "the server refuses EHLO; check the EHLO name (--ehlo-name) and whether your IP is blocked");
            return await FinishAsync(session).ConfigureAwait(false);
        }
        var caps = session.Capabilities;
        Add(implicitTls ? "EHLO (TLS)" : "EHLO before TLS", FindingStatus.Pass, DescribeCaps(caps));

        if (!implicitTls)
        {
            if (caps.Auth && caps.AuthMechanisms.Any(m => m is "PLAIN" or "LOGIN"))
                Add("AUTH over plaintext", FindingStatus.Warn, "AUTH PLAIN/LOGIN is offered before TLS: passwords would cross the network readable", "always run STARTTLS first (--starttls)");
            if (!caps.StartTls)
            {
                var status = target.Security == SecurityMode.StartTls ? FindingStatus.Fail : FindingStatus.Warn;
                Add("STARTTLS", status, "the server does not offer STARTTLS on this port", "try implicit TLS (--tls, usually port 465), or another port");
            }
            else if (target.Security == SecurityMode.StartTls)
            {
                var tls = await session.StartTlsAsync(ct).ConfigureAwait(false);
                if (tls.Failure == CommandFailure.TlsFailed && tls.Reply is null)
                {
                    ReportTlsFailure(session, tls);
                    if (!await ReconnectInsecureAsync(session, target, ct).ConfigureAwait(false)) return await FinishAsync(session).ConfigureAwait(false);
                }
                else if (!tls.Succeeded)
                {
                    Add("STARTTLS", FindingStatus.Fail, Describe(tls), Explain(tls, "STARTTLS") ?? "the server advertised STARTTLS but refused it; try again later or use --tls on port 465");
                    return await FinishAsync(session).ConfigureAwait(false);
                }
                else
                {
                    ReportTls(session);
                }
                var after = await session.EhloAsync(target.EhloName, ct).ConfigureAwait(false);
                if (!after.Succeeded)
                {
                    Add("EHLO after TLS", FindingStatus.Fail, Describe(after), Explain(after, "EHLO"));
                    return await FinishAsync(session).ConfigureAwait(false);
                }
                caps = session.Capabilities;
                Add("EHLO after TLS", FindingStatus.Pass, DescribeCaps(caps));
            }
            else if (!caps.Auth)
            {
                // Asked for plain: say whether a login is possible at all as configured, and what STARTTLS would change.
                await ProbeStartTlsAsync(session, target, options, ct).ConfigureAwait(false);
                return await FinishAsync(session).ConfigureAwait(false);
            }
        }

        await CheckAuthAsync(session, options, caps, ct).ConfigureAwait(false);
        await ProbeEnvelopeAsync(session, options, ct).ConfigureAwait(false);
        return await FinishAsync(session).ConfigureAwait(false);
    }

    /// <summary>
    /// A plain target whose server offers STARTTLS but no AUTH: STARTTLS is tried (as a probe) to learn whether AUTH
    /// appears after it. A login is impossible as configured either way, so this never ends as a pass.
    /// </summary>
    private async Task ProbeStartTlsAsync(SmtpSession session, ConnectOptions target, DoctorOptions options, CancellationToken ct)
    {
        var tls = await session.StartTlsAsync(ct).ConfigureAwait(false);
        bool continued = false;
        if (tls.Failure == CommandFailure.TlsFailed)
        {
            ReportTlsFailure(session, tls);
            continued = await ReconnectInsecureAsync(session, target, ct).ConfigureAwait(false);
        }
        if (!continued && (!tls.Succeeded || !session.IsTls))
        {
            Add("AUTH", options.User is null ? FindingStatus.Warn : FindingStatus.Fail,
                $"AUTH is not offered without TLS, and the STARTTLS probe failed ({Describe(tls)}): no login is possible on this port as configured",
                "use the provider's submission port with --starttls (587) or --tls (465)");
            return;
        }
        if (!continued) ReportTls(session);
        var after = await session.EhloAsync(target.EhloName, ct).ConfigureAwait(false);
        if (!after.Succeeded)
        {
            Add("EHLO after TLS (probe)", FindingStatus.Fail, Describe(after), Explain(after, "EHLO"));
            return;
        }
        var caps = session.Capabilities;
        Add("EHLO after TLS (probe)", FindingStatus.Info, DescribeCaps(caps));
        if (caps.Auth)
        {
            Add("AUTH", FindingStatus.Fail,
                $"AUTH is not offered before TLS; after STARTTLS (probed) the server offers AUTH {string.Join(' ', caps.AuthMechanisms)}: a login is impossible as configured (without --starttls)",
                "connect with --starttls (port 587) or --tls (port 465)");
        }
        else
        {
            Add("AUTH", options.User is null ? FindingStatus.Warn : FindingStatus.Fail,
                "no AUTH before or after STARTTLS (probed): this port takes no logins (an MTA port accepts mail only for its own domains)",
                "submission needs AUTH: use the provider's submission port (587 STARTTLS or 465 TLS)");
        }
    }

    /// <summary>Whether the port completes a TLS handshake (on a separate connection): a silent port then speaks implicit TLS.</summary>
    private async Task<bool> SpeaksImplicitTlsAsync(ConnectOptions target, CancellationToken ct)
    {
        await using var probe = new SmtpSession(new TranscriptRecorder());
        var result = await probe.ConnectAsync(target with { Security = SecurityMode.Tls, Insecure = true, PinnedCertificate = null, ReplyTimeout = SilentPortProbe }, ct).ConfigureAwait(false);
        bool speaksTls = probe.IsTls || probe.ServerCertificate is not null;
        _transcript.Info(speaksTls
            ? $"doctor: the silent port answered a TLS handshake ({probe.TlsSummary ?? result.Message})"
            : $"doctor: the silent port did not answer a TLS handshake either ({result.Message})");
        return speaksTls;
    }

    private static string ConnectedIn(SmtpSession session, ConnectOptions target) => string.Create(CultureInfo.InvariantCulture,
        $"connected to {target.Host}:{target.Port} in {(session.ConnectTime ?? TimeSpan.Zero).TotalMilliseconds:0} ms");

    private async Task<bool> CheckDnsAsync(string host, CancellationToken ct)
    {
        string literal = host.Trim('[', ']');
        if (IPAddress.TryParse(literal, out _))
        {
            Add("DNS", FindingStatus.Info, $"{host} is an IP address; no lookup needed");
            return true;
        }
        var stopwatch = Stopwatch.StartNew();
        try
        {
            var addresses = await Dns.GetHostAddressesAsync(host, ct).ConfigureAwait(false);
            string v4 = string.Join(", ", addresses.Where(a => a.AddressFamily == AddressFamily.InterNetwork));
            string v6 = string.Join(", ", addresses.Where(a => a.AddressFamily == AddressFamily.InterNetworkV6));
            Add("DNS", addresses.Length > 0 ? FindingStatus.Pass : FindingStatus.Fail, string.Create(CultureInfo.InvariantCulture,
                $"{host}: A {(v4.Length > 0 ? v4 : "none")}; AAAA {(v6.Length > 0 ? v6 : "none")} ({stopwatch.Elapsed.TotalMilliseconds:0} ms)"));
            return addresses.Length > 0;
        }
        catch (Exception ex) when (ex is SocketException or ArgumentException)
        {
            Add("DNS", FindingStatus.Fail, $"{host} does not resolve: {ex.Message}", "check the spelling of the host name (or the profile's host) and your DNS resolver");
            return false;
        }
    }

    private async Task CheckMxAsync(string domain, CancellationToken ct)
    {
        try
        {
            var hosts = await _lookupMx!(domain, ct).ConfigureAwait(false);
            Add("MX", hosts.Count > 0 ? FindingStatus.Info : FindingStatus.Warn,
                hosts.Count > 0 ? $"{domain} receives mail at {string.Join(", ", hosts)}" : $"{domain} has no MX records",
                hosts.Count > 0 ? null : "without MX (or an A record fallback) nobody can reply to this domain");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Add("MX", FindingStatus.Warn, $"MX lookup for {domain} failed: {ex.Message}");
        }
    }

    private bool CheckGreeting(CommandResult connected)
    {
        if (connected.Reply is { Code: 220 } greeting)
        {
            Add("Greeting", FindingStatus.Pass, $"220 {greeting.Text}");
            return true;
        }
        Add("Greeting", FindingStatus.Fail, Describe(connected), connected.Reply is null
            ? "the server accepted the connection but said nothing; it may expect implicit TLS (--tls) or be overloaded"
            : Explain(connected, "CONNECT") ?? "the server refuses to talk (often an IP block list); the text above usually says why");
        return false;
    }

    private void ReportTls(SmtpSession session)
    {
        Add("TLS", FindingStatus.Pass, session.TlsSummary ?? "established");
        if (session.ServerCertificate is { } cert)
        {
            double days = (cert.NotAfter.ToUniversalTime() - DateTime.UtcNow).TotalDays;
            var verdict = session.CertificateVerdict;
            string names = string.Join(", ", CertificateDescription.SubjectAlternativeNames(cert));
            string detail = string.Create(CultureInfo.InvariantCulture, $"{cert.Subject}, issued by {cert.Issuer}; names {names}; expires {cert.NotAfter.ToUniversalTime():yyyy-MM-dd} ({days:0} days)");
            if (verdict is { Accepted: true, Problems.Count: 0 }) Add("Certificate", days < 14 ? FindingStatus.Warn : FindingStatus.Pass, $"{detail}; trusted via {verdict.TrustBasis}", days < 14 ? "the certificate expires soon; the server admin must renew it" : null);
            else if (verdict is not null) Add("Certificate", FindingStatus.Warn, $"{detail}; NOT verified: {string.Join("; ", verdict.Problems)}");
        }
    }

    private void ReportTlsFailure(SmtpSession session, CommandResult failed)
    {
        string message = failed.Message ?? "TLS failed";
        var problems = session.CertificateVerdict?.Problems ?? [];
        string all = string.Join(" ", problems) + " " + message;
        string fix = all.Contains("expired", StringComparison.Ordinal) ? "the server's certificate has expired: only its administrator can fix that (renew it); --insecure lets you continue knowingly"
            : all.Contains("mismatch", StringComparison.Ordinal) ? "connect with a host name the certificate is for (see the names above), or ask the server administrator to fix the certificate"
            : all.Contains("untrusted", StringComparison.Ordinal) || all.Contains("incomplete chain", StringComparison.Ordinal) ? "if this is a private or test CA, pass --cafile CA.pem; otherwise the server must send a complete chain from a public CA"
            : message.Contains("the server sent TLS alert", StringComparison.Ordinal) && !message.Contains("alert 70 ", StringComparison.Ordinal) && !message.Contains("alert 71 ", StringComparison.Ordinal) ? "the server ended the handshake with a TLS alert (see above); follow what it means rather than lowering the TLS version"
            : "check that this port speaks TLS the way you asked (--tls for 465, --starttls for 587) and that the server supports TLS 1.2+ (--tls-min 1.0 to diagnose old servers)";
        string detail = message;
        if (session.ServerCertificate is { } cert) detail += $" [certificate: {cert.Subject}; names {string.Join(", ", CertificateDescription.SubjectAlternativeNames(cert))}; valid {cert.NotBefore.ToUniversalTime():yyyy-MM-dd} to {cert.NotAfter.ToUniversalTime():yyyy-MM-dd}]";
        Add("TLS", FindingStatus.Fail, detail, fix);
    }

    private async Task<bool> ReconnectInsecureAsync(SmtpSession session, ConnectOptions target, CancellationToken ct)
    {
        var again = await session.ConnectAsync(target with { Insecure = true, Security = SecurityMode.StartTls }, ct).ConfigureAwait(false);
        if (again.Failure != CommandFailure.None || !session.IsTls) return false;
        Add("TLS (continued)", FindingStatus.Info, "continuing WITHOUT certificate verification to check the rest");
        return true;
    }

    private async Task CheckAuthAsync(SmtpSession session, DoctorOptions options, EhloCapabilities caps, CancellationToken ct)
    {
        if (caps.Auth)
        {
            var missing = options.PreferredMechanisms.Where(m => !caps.AuthMechanisms.Contains(m, StringComparer.OrdinalIgnoreCase)).ToList();
            if (options.PreferredMechanisms.Count > 0 && missing.Count == options.PreferredMechanisms.Count)
                Add("AUTH mechanisms", FindingStatus.Warn, $"none of the profile's mechanisms ({string.Join(' ', options.PreferredMechanisms)}) is offered; the server offers {string.Join(' ', caps.AuthMechanisms)}");
            else
                Add("AUTH mechanisms", FindingStatus.Pass, string.Join(' ', caps.AuthMechanisms));
        }
        else if (options.User is not null && session.IsTls)
        {
            Add("AUTH mechanisms", FindingStatus.Fail, "the server offers no AUTH at all on this port", "submission needs AUTH: use the provider's submission port (587 STARTTLS or 465 TLS)");
        }

        if (options.User is null || options.Secret is null)
        {
            if (options.User is not null) Add("Login", FindingStatus.Info, "skipped: no secret given (set the profile's secret environment variable, or run in a terminal to be asked)");
            return;
        }
        if (!session.IsTls && !options.AllowPlaintextAuth)
        {
            Add("Login", FindingStatus.Warn, "skipped: the connection is not encrypted and credentials are never sent in clear by default", "use --starttls or --tls (or --allow-plaintext-auth if you really mean it)");
            return;
        }
        string mechanism = options.PreferredMechanisms.Concat(FallbackMechanisms).Select(m => m.ToUpperInvariant())
            .FirstOrDefault(m => caps.AuthMechanisms.Contains(m) && AuthRequest.SupportedMechanisms.Contains(m))
            ?? (caps.AuthMechanisms.Count == 0 ? "PLAIN" : caps.AuthMechanisms.FirstOrDefault(AuthRequest.SupportedMechanisms.Contains) ?? "PLAIN");
        var result = await SaslAuthenticator.AuthenticateAsync(session, new AuthRequest(mechanism, options.User, options.Secret) { AllowPlaintext = true }, ct).ConfigureAwait(false);
        if (result.Succeeded)
            Add("Login", FindingStatus.Pass, $"authenticated as {options.User} with {mechanism}");
        else
            Add("Login", FindingStatus.Fail, $"{mechanism} as {options.User}: {Describe(result)}", Explain(result, "AUTH") ?? "check the user name and password (many providers need an app password or authorization code)");
    }

    private async Task ProbeEnvelopeAsync(SmtpSession session, DoctorOptions options, CancellationToken ct)
    {
        string? from = options.MailFrom ?? (options.User?.Contains('@') == true ? options.User : null);
        if (from is null || !session.IsConnected) return;
        if (options.FromMustEqualLogin && options.User is not null && !from.Equals(options.User, StringComparison.OrdinalIgnoreCase))
            Add("Sender", FindingStatus.Warn, $"this provider requires MAIL FROM to equal the login ({options.User}), but the probe uses {from}");
        var mail = await session.SendCommandAsync($"MAIL FROM:<{from}>", ct: ct).ConfigureAwait(false);
        if (!mail.Succeeded)
        {
            Add("MAIL FROM", FindingStatus.Fail, Describe(mail), Explain(mail, "MAIL") ?? "a refusal here after a successful login usually means the sender is not allowed for this account");
            await session.SendCommandAsync("RSET", ct: ct).ConfigureAwait(false);
            return;
        }
        Add("MAIL FROM", FindingStatus.Pass, $"<{from}> accepted");
        string to = options.RcptTo ?? from;
        var rcpt = await session.SendCommandAsync($"RCPT TO:<{to}>", ct: ct).ConfigureAwait(false);
        Add("RCPT TO", rcpt.Succeeded ? FindingStatus.Pass : FindingStatus.Fail, rcpt.Succeeded ? $"<{to}> accepted" : Describe(rcpt),
            rcpt.Succeeded ? null : Explain(rcpt, "RCPT") ?? "the recipient was refused; relay is only allowed after a successful login");
        await session.SendCommandAsync("RSET", ct: ct).ConfigureAwait(false);
        Add("Probe", FindingStatus.Info, "envelope closed with RSET: no message was sent");
    }

    private async Task<DoctorReport> FinishAsync(SmtpSession session)
    {
        if (session.IsConnected) await session.QuitAsync().ConfigureAwait(false);
        return new DoctorReport([.. _findings]);
    }

    private string? Explain(CommandResult result, string verb) => result.Reply is { } reply ? _explain?.Invoke(reply, verb) : null;

    private static string Describe(CommandResult result) =>
        result.Reply is { } reply ? $"{reply.Code} {reply.Text}" : result.Message ?? result.Failure.ToString();

    private static string DescribeCaps(EhloCapabilities caps)
    {
        var parts = new List<string> { caps.Auth ? "AUTH " + string.Join(' ', caps.AuthMechanisms) : "no AUTH" };
        if (caps.StartTls) parts.Add("STARTTLS");
        if (caps.Size is { } size) parts.Add(string.Create(CultureInfo.InvariantCulture, $"SIZE {size}"));
        foreach (var k in new[] { "PIPELINING", "8BITMIME", "SMTPUTF8", "CHUNKING", "DSN", "REQUIRETLS" }) if (caps.Has(k)) parts.Add(k);
        return string.Join(", ", parts);
    }

    private void Add(string check, FindingStatus status, string detail, string? fix = null)
    {
        var finding = new DoctorFinding(check, status, detail, fix);
        _findings.Add(finding);
        _transcript.Record(new TranscriptEvent(status == FindingStatus.Fail ? TranscriptEventKind.Error : status == FindingStatus.Warn ? TranscriptEventKind.Warn : TranscriptEventKind.Info,
            $"doctor: {check}: {status.ToString().ToUpperInvariant()} {detail}"));
    }
}
