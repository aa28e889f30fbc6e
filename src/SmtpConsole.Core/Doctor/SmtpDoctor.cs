using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using SmtpConsole.Core.Messages;
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
    private readonly Func<SmtpReply, RefusalContext, LocalizedText?>? _explain;
    private string? _greeting;
    private readonly List<DoctorFinding> _findings = [];

    /// <param name="transcript">Receives the whole dialogue (for --verbose and saved logs).</param>
    /// <param name="lookupMx">MX lookup (DnsClient in the app); null skips MX.</param>
    /// <param name="explain">Turns a refusal, the verb it answered and the greeting into a short cause/fix (the diagnosis knowledge base), in every language.</param>
    public SmtpDoctor(TranscriptRecorder transcript, Func<string, CancellationToken, Task<IReadOnlyList<string>>>? lookupMx = null, Func<SmtpReply, RefusalContext, LocalizedText?>? explain = null)
    {
        _transcript = transcript;
        _lookupMx = lookupMx;
        _explain = explain;
    }

    public async Task<DoctorReport> RunAsync(DoctorOptions options, CancellationToken ct = default)
    {
        _findings.Clear();
        _greeting = null;
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
                Add("Greeting", FindingStatus.Fail, Say("Doctor.SilentPortSpeaksTls", SilentPortProbe.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)),
                    Say("Doctor.Fix.UseTls"), Remedy.UseImplicitTls);
                return await FinishAsync(session).ConfigureAwait(false);
            }
            // Not TLS either: a slow server; give it the full reply timeout on a fresh connection.
            connected = await session.ConnectAsync(first, ct).ConfigureAwait(false);
        }
        if (connected.Failure == CommandFailure.ConnectFailed)
        {
            Add("TCP connect", FindingStatus.Fail, connected.Message is { } failure ? Verbatim(failure) : Say("Doctor.ConnectionFailed"),
                Say("Doctor.Fix.CheckHostAndPort"));
            return new DoctorReport([.. _findings]) { ConnectionFailed = true };
        }
        if (connected.Failure == CommandFailure.TlsFailed)
        {
            ReportTlsFailure(session, connected);
            connected = await session.ConnectAsync(first with { Insecure = true }, ct).ConfigureAwait(false);
            if (connected.Failure != CommandFailure.None) return new DoctorReport([.. _findings]) { ConnectionFailed = true };
            Add("TLS (continued)", FindingStatus.Info, Say("Doctor.ContinuingUnverified"));
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
            if (Explain(before, "EHLO") is { } explained) Add("EHLO", FindingStatus.Fail, Describe(before), explained);
            else Add("EHLO", FindingStatus.Fail, Describe(before), Say("Doctor.Fix.EhloRefused"), Remedy.ChangeEhloName);
            return await FinishAsync(session).ConfigureAwait(false);
        }
        var caps = session.Capabilities;
        Add(implicitTls ? "EHLO (TLS)" : "EHLO before TLS", FindingStatus.Pass, DescribeCaps(caps));

        if (!implicitTls)
        {
            if (caps.Auth && caps.AuthMechanisms.Any(m => m is "PLAIN" or "LOGIN"))
                Add("AUTH over plaintext", FindingStatus.Warn, Say("Doctor.PlainAuthBeforeTls"), Say("Doctor.Fix.StartTlsFirst"), Remedy.UseStartTls);
            if (!caps.StartTls)
            {
                var status = target.Security == SecurityMode.StartTls ? FindingStatus.Fail : FindingStatus.Warn;
                Add("STARTTLS", status, Say("Doctor.NoStartTls"), Say("Doctor.Fix.TryImplicitTls"), Remedy.UseImplicitTls);
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
                    if (Explain(tls, "STARTTLS") is { } explained) Add("STARTTLS", FindingStatus.Fail, Describe(tls), explained);
                    // Only a 4xx may pass with time: a 5xx, or any other answer than 220, is the server's STARTTLS broken.
                    else Add("STARTTLS", FindingStatus.Fail, Describe(tls), Say(tls.Reply?.Code / 100 == 4 ? "Doctor.Fix.StartTlsRefused" : "Doctor.Fix.StartTlsNotStarted"), Remedy.UseImplicitTls);
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
                Say("Doctor.NoAuthProbeFailed", Describe(tls)), Say("Doctor.Fix.SubmissionPort"), Remedy.ChooseTlsMode);
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
                Say("Doctor.AuthOnlyAfterStartTls", string.Join(' ', caps.AuthMechanisms)), Say("Doctor.Fix.ConnectWithTls"), Remedy.ChooseTlsMode);
        }
        else
        {
            Add("AUTH", options.User is null ? FindingStatus.Warn : FindingStatus.Fail,
                Say("Doctor.NoAuthAtAll"), Say("Doctor.Fix.SubmissionNeedsAuth"));
        }
    }

    /// <summary>Whether the port completes a TLS handshake (on a separate connection): a silent port then speaks implicit TLS.</summary>
    private async Task<bool> SpeaksImplicitTlsAsync(ConnectOptions target, CancellationToken ct)
    {
        await using var probe = new SmtpSession(new TranscriptRecorder());
        var result = await probe.ConnectAsync(target with { Security = SecurityMode.Tls, Insecure = true, PinnedCertificate = null, ReplyTimeout = SilentPortProbe }, ct).ConfigureAwait(false);
        bool speaksTls = probe.IsTls || probe.ServerCertificate is not null;
        _transcript.Info(speaksTls
            ? Say("Doctor.SilentPortAnsweredTls", probe.TlsSummary ?? result.Message).In(CoreMessages.Language)
            : Say("Doctor.SilentPortNoTls", result.Message).In(CoreMessages.Language));
        return speaksTls;
    }

    private static LocalizedText ConnectedIn(SmtpSession session, ConnectOptions target) =>
        Say("Doctor.ConnectedIn", target.Host, target.Port, (session.ConnectTime ?? TimeSpan.Zero).TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture));

    private async Task<bool> CheckDnsAsync(string host, CancellationToken ct)
    {
        string literal = host.Trim('[', ']');
        if (IPAddress.TryParse(literal, out _))
        {
            Add("DNS", FindingStatus.Info, Say("Doctor.IpNoLookup", host));
            return true;
        }
        var stopwatch = Stopwatch.StartNew();
        try
        {
            var addresses = await Dns.GetHostAddressesAsync(host, ct).ConfigureAwait(false);
            string v4 = string.Join(", ", addresses.Where(a => a.AddressFamily == AddressFamily.InterNetwork));
            string v6 = string.Join(", ", addresses.Where(a => a.AddressFamily == AddressFamily.InterNetworkV6));
            Add("DNS", addresses.Length > 0 ? FindingStatus.Pass : FindingStatus.Fail, Say("Doctor.Resolved", host,
                v4.Length > 0 ? v4 : Say("Doctor.None"), v6.Length > 0 ? v6 : Say("Doctor.None"), stopwatch.Elapsed.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)));
            return addresses.Length > 0;
        }
        catch (Exception ex) when (ex is SocketException or ArgumentException)
        {
            Add("DNS", FindingStatus.Fail, Say("Doctor.DoesNotResolve", host, ex.Message), Say("Doctor.Fix.CheckHostSpelling"));
            return false;
        }
    }

    private async Task CheckMxAsync(string domain, CancellationToken ct)
    {
        try
        {
            var hosts = await _lookupMx!(domain, ct).ConfigureAwait(false);
            Add("MX", hosts.Count > 0 ? FindingStatus.Info : FindingStatus.Warn,
                hosts.Count > 0 ? Say("Doctor.MxHosts", domain, string.Join(", ", hosts)) : Say("Doctor.NoMx", domain),
                hosts.Count > 0 ? null : Say("Doctor.Fix.NoMx"));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Add("MX", FindingStatus.Warn, Say("Doctor.MxFailed", domain, ex.Message));
        }
    }

    private bool CheckGreeting(CommandResult connected)
    {
        _greeting = connected.Reply?.Text;
        if (connected.Reply is { Code: 220 } greeting)
        {
            Add("Greeting", FindingStatus.Pass, Verbatim($"220 {greeting.Text}"));
            return true;
        }
        if (connected.Reply is null) Add("Greeting", FindingStatus.Fail, Describe(connected), Say("Doctor.Fix.SilentServer"), Remedy.UseImplicitTls);
        else Add("Greeting", FindingStatus.Fail, Describe(connected), Explain(connected, "CONNECT") ?? Say("Doctor.Fix.RefusesToTalk"));
        return false;
    }

    private void ReportTls(SmtpSession session)
    {
        Add("TLS", FindingStatus.Pass, session.TlsSummary is { } summary ? Verbatim(summary) : Say("Doctor.TlsEstablished"));
        // Seen on the wire: plaintext after the 220 and before the handshake. The session discarded it; the doctor says so.
        if (session.InjectedBeforeTlsBytes > 0)
            Add("STARTTLS", FindingStatus.Fail, Say("Doctor.InjectedBeforeTls", session.InjectedBeforeTlsBytes, session.InjectedBeforeTlsPreview ?? string.Empty),
                Say("Doctor.Fix.InjectedBeforeTls"));
        if (session.ServerCertificate is { } cert)
        {
            double days = (cert.NotAfter.ToUniversalTime() - DateTime.UtcNow).TotalDays;
            var verdict = session.CertificateVerdict;
            string names = string.Join(", ", CertificateDescription.SubjectAlternativeNames(cert));
            var detail = Say("Doctor.Certificate", ServerText.Neutralize(cert.Subject), ServerText.Neutralize(cert.Issuer), names,
                cert.NotAfter.ToUniversalTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), days.ToString("0", CultureInfo.InvariantCulture));
            if (verdict is { Accepted: true, Problems.Count: 0 })
                Add("Certificate", days < 14 ? FindingStatus.Warn : FindingStatus.Pass, Say("Doctor.CertificateTrusted", detail, LocalizedText.Of(language => TlsProblemWording.TrustBasis(verdict, language))),
                    days < 14 ? Say("Doctor.Fix.CertificateExpiresSoon") : null);
            else if (verdict is not null)
                Add(new DoctorFinding("Certificate", FindingStatus.Warn, string.Empty) { CertificateProblems = [.. verdict.Problems.Select(p => p.Kind)] },
                    Say("Doctor.CertificateNotVerified", detail, Problems(verdict)), null);
        }
    }

    /// <summary>
    /// A failed handshake: what went wrong (the certificate's problems in the table's language when it was rejected)
    /// and the one fix that matches the problem kinds, never chosen by searching words.
    /// </summary>
    private void ReportTlsFailure(SmtpSession session, CommandResult failed)
    {
        var verdict = session.CertificateVerdict is { Accepted: false } rejected ? rejected : null;
        var (fix, remedies) = verdict is not null ? CertificateFix(verdict)
            : failed.Remedy == Remedy.TrustCaFile ? ("Doctor.Fix.CaFileUnreadable", [Remedy.TrustCaFile])
            : session.TlsAlert is { } alert && alert.Remedy == Remedy.None ? ("Doctor.Fix.TlsAlert", [])
            : ("Doctor.Fix.TlsMode", (Remedy[])[Remedy.ChooseTlsMode, Remedy.AllowOlderTls]);
        var detail = verdict is not null ? Say("Tls.CertificateRejected", Problems(verdict))
            : failed.Message is { } message ? Verbatim(message) : Say("Doctor.TlsFailed");
        if (session.ServerCertificate is { } cert)
        {
            detail = Say("Doctor.CertificateOnFailure", detail, ServerText.Neutralize(cert.Subject), string.Join(", ", CertificateDescription.SubjectAlternativeNames(cert)),
                cert.NotBefore.ToUniversalTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), cert.NotAfter.ToUniversalTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        var finding = new DoctorFinding("TLS", FindingStatus.Fail, string.Empty) { CertificateProblems = [.. verdict?.Problems.Select(p => p.Kind) ?? []] };
        Add(finding, detail, Say(fix), remedies);
    }

    /// <summary>The fix for a rejected certificate, by the most decisive problem: what only the server's administrator can fix comes first.</summary>
    private static (string Key, Remedy[] Remedies) CertificateFix(TlsVerdict verdict) =>
        verdict.Has(TlsProblemKind.Expired) ? ("Doctor.Fix.CertificateExpired", [Remedy.AcceptUnverifiedCertificate])
        : verdict.Has(TlsProblemKind.NotYetValid) ? ("Doctor.Fix.CertificateNotYetValid", [])
        : verdict.Has(TlsProblemKind.Revoked) ? ("Doctor.Fix.CertificateRevoked", [])
        : verdict.Has(TlsProblemKind.PinMismatch) ? ("Doctor.Fix.CertificatePinMismatch", [])
        : verdict.Has(TlsProblemKind.NameMismatch) ? ("Doctor.Fix.CertificateNameMismatch", [])
        : verdict.Has(TlsProblemKind.UntrustedRoot) || verdict.Has(TlsProblemKind.IncompleteChain) ? ("Doctor.Fix.CertificateUntrusted", [Remedy.TrustCaFile])
        : ("Doctor.Fix.CertificateFaulty", []);

    private static LocalizedText Problems(TlsVerdict verdict) => LocalizedText.Of(language => TlsProblemWording.Describe(verdict.Problems, language));

    private async Task<bool> ReconnectInsecureAsync(SmtpSession session, ConnectOptions target, CancellationToken ct)
    {
        var again = await session.ConnectAsync(target with { Insecure = true, Security = SecurityMode.StartTls }, ct).ConfigureAwait(false);
        if (again.Failure != CommandFailure.None || !session.IsTls) return false;
        Add("TLS (continued)", FindingStatus.Info, Say("Doctor.ContinuingUnverified"));
        return true;
    }

    private async Task CheckAuthAsync(SmtpSession session, DoctorOptions options, EhloCapabilities caps, CancellationToken ct)
    {
        if (caps.Auth)
        {
            var missing = options.PreferredMechanisms.Where(m => !caps.AuthMechanisms.Contains(m, StringComparer.OrdinalIgnoreCase)).ToList();
            if (options.PreferredMechanisms.Count > 0 && missing.Count == options.PreferredMechanisms.Count)
                Add("AUTH mechanisms", FindingStatus.Warn, Say("Doctor.MechanismsNotOffered", string.Join(' ', options.PreferredMechanisms), string.Join(' ', caps.AuthMechanisms)));
            else
                Add("AUTH mechanisms", FindingStatus.Pass, Verbatim(string.Join(' ', caps.AuthMechanisms)));
        }
        else if (options.User is not null && session.IsTls)
        {
            Add("AUTH mechanisms", FindingStatus.Fail, Say("Doctor.NoAuthOnPort"), Say("Doctor.Fix.SubmissionNeedsAuth"));
        }

        if (options.User is null || options.Secret is null)
        {
            if (options.User is not null) Add("Login", FindingStatus.Info, Say("Doctor.LoginSkippedNoSecret"));
            return;
        }
        if (!session.IsTls && !options.AllowPlaintextAuth)
        {
            Add("Login", FindingStatus.Warn, Say("Doctor.LoginSkippedPlaintext"), Say("Doctor.Fix.EncryptOrAllow"), Remedy.ChooseTlsMode, Remedy.AllowPlaintextAuth);
            return;
        }
        // After a rejected certificate doctor goes on unverified to check the rest; the password is not part of the
        // rest: an unverified peer may be anyone in between. Only a target that asked for no verification sends it.
        if (session.Options is { Insecure: true } && !options.Target.Insecure)
        {
            Add("Login", FindingStatus.Warn, Say("Doctor.LoginSkippedUnverified"), Say("Doctor.Fix.LoginNeedsVerifiedTls"));
            return;
        }
        string mechanism = options.PreferredMechanisms.Concat(FallbackMechanisms).Select(m => m.ToUpperInvariant())
            .FirstOrDefault(m => caps.AuthMechanisms.Contains(m) && AuthRequest.SupportedMechanisms.Contains(m))
            ?? (caps.AuthMechanisms.Count == 0 ? "PLAIN" : caps.AuthMechanisms.FirstOrDefault(AuthRequest.SupportedMechanisms.Contains) ?? "PLAIN");
        var result = await SaslAuthenticator.AuthenticateAsync(session, new AuthRequest(mechanism, options.User, options.Secret) { AllowPlaintext = true }, ct).ConfigureAwait(false);
        if (result.Succeeded)
            Add("Login", FindingStatus.Pass, Say("Doctor.Authenticated", options.User, mechanism));
        else
            Add("Login", FindingStatus.Fail, Say("Doctor.LoginFailed", mechanism, options.User, Describe(result)),
                // A 235 before the secret was checked says nothing about the credentials: the server's AUTH is at fault.
                result.Failure == CommandFailure.Unverified ? Say("Doctor.Fix.UnearnedLogin") : Explain(result, "AUTH") ?? Say("Doctor.Fix.CheckCredentials"));
    }

    private async Task ProbeEnvelopeAsync(SmtpSession session, DoctorOptions options, CancellationToken ct)
    {
        string? from = options.MailFrom ?? (options.User?.Contains('@') == true ? options.User : null);
        // A recipient asked for and not checked is said, never left out: a report without it reads as "it would be accepted".
        if (from is null)
        {
            if (options.RcptTo is not null)
                Add("RCPT TO", FindingStatus.Warn, Say("Doctor.EnvelopeSkippedNoSender", options.RcptTo), Say("Doctor.Fix.GiveEnvelopeSender"), Remedy.GiveEnvelopeSender);
            return;
        }
        if (!session.IsConnected)
        {
            Add("MAIL FROM", FindingStatus.Warn, Say("Doctor.EnvelopeSkippedClosed"));
            return;
        }
        if (options.FromMustEqualLogin && options.User is not null && !from.Equals(options.User, StringComparison.OrdinalIgnoreCase))
            Add("Sender", FindingStatus.Warn, Say("Doctor.SenderMustEqualLogin", options.User, from));
        var mail = await session.SendCommandAsync($"MAIL FROM:<{from}>", ct: ct).ConfigureAwait(false);
        if (!mail.Succeeded)
        {
            Add("MAIL FROM", FindingStatus.Fail, Describe(mail), Explain(mail, "MAIL") ?? Say("Doctor.Fix.SenderNotAllowed"));
            await session.SendCommandAsync("RSET", ct: ct).ConfigureAwait(false);
            return;
        }
        Add("MAIL FROM", FindingStatus.Pass, Say("Doctor.Accepted", from));
        string to = options.RcptTo ?? from;
        var rcpt = await session.SendCommandAsync($"RCPT TO:<{to}>", ct: ct).ConfigureAwait(false);
        Add("RCPT TO", rcpt.Succeeded ? FindingStatus.Pass : FindingStatus.Fail, rcpt.Succeeded ? Say("Doctor.Accepted", to) : Describe(rcpt),
            rcpt.Succeeded ? null : Explain(rcpt, "RCPT") ?? Say("Doctor.Fix.RecipientRefused"));
        await session.SendCommandAsync("RSET", ct: ct).ConfigureAwait(false);
        Add("Probe", FindingStatus.Info, Say("Doctor.EnvelopeClosed"));
    }

    private async Task<DoctorReport> FinishAsync(SmtpSession session)
    {
        if (session.IsConnected) await session.QuitAsync().ConfigureAwait(false);
        return new DoctorReport([.. _findings]);
    }

    // Only a refusal is explained: a 2xx that still failed (a 250 to STARTTLS) would be "accepted, nothing to fix".
    private LocalizedText? Explain(CommandResult result, string verb) =>
        result.Reply is { Code: >= 400 } reply ? _explain?.Invoke(reply, new RefusalContext(verb, _greeting)) : null;

    // A reply (or the session's account of a failure) is quoted as it is, in every language.
    private static LocalizedText Describe(CommandResult result) =>
        Verbatim(result.Reply is { } reply ? $"{reply.Code} {reply.Text}" : result.Message ?? result.Failure.ToString());

    private static LocalizedText Say(string key, params object?[] args) => LocalizedText.FromCatalog(key, args);

    private static LocalizedText Verbatim(string text) => LocalizedText.Verbatim(text);

    private static LocalizedText DescribeCaps(EhloCapabilities caps) => LocalizedText.Of(language =>
    {
        var parts = new List<string> { caps.Auth ? "AUTH " + string.Join(' ', caps.AuthMechanisms) : MessageCatalog.Get("Doctor.NoAuth", language) };
        if (caps.StartTls) parts.Add("STARTTLS");
        if (caps.Size is { } size) parts.Add(string.Create(CultureInfo.InvariantCulture, $"SIZE {size}"));
        foreach (var k in new[] { "PIPELINING", "8BITMIME", "SMTPUTF8", "CHUNKING", "DSN", "REQUIRETLS" }) if (caps.Has(k)) parts.Add(k);
        return string.Join(language == UiLanguage.SimplifiedChinese ? "、" : ", ", parts);
    });

    private void Add(string check, FindingStatus status, LocalizedText detail, LocalizedText? fix = null, params Remedy[] remedies) =>
        Add(new DoctorFinding(check, status, string.Empty), detail, fix, remedies);

    private void Add(DoctorFinding finding, LocalizedText detail, LocalizedText? fix, params Remedy[] remedies)
    {
        finding = finding with { Detail = detail.ToString(), Fix = fix?.ToString(), DetailText = detail, FixText = fix, Remedies = fix is null ? [] : remedies };
        _findings.Add(finding);
        var status = finding.Status;
        // The --verbose dialogue speaks the engine's language, like the rest of the transcript.
        var language = CoreMessages.Language;
        _transcript.Record(new TranscriptEvent(status == FindingStatus.Fail ? TranscriptEventKind.Error : status == FindingStatus.Warn ? TranscriptEventKind.Warn : TranscriptEventKind.Info,
            MessageCatalog.Format(language, "Doctor.TranscriptLine", finding.CheckIn(language), MessageCatalog.Get("Doctor.Status." + status, language), detail.In(language))));
    }
}
