using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Security;
using System.Security.Authentication;
using System.Text;
using System.Threading.Channels;
using SmtpConsole.Core.Analysis;
using SmtpConsole.Core.Diagnosis;
using SmtpConsole.Core.Messages;
using SmtpConsole.Core.Protocol;
using SmtpConsole.Core.Transcript;

namespace SmtpConsole.Core.Session;

/// <summary>
/// One SMTP session over one connection: the engine every front end (TUI, replay, doctor) drives.
/// A reader loop records every reply the moment it arrives (so unsolicited replies such as a 421 show up live)
/// and queues it for the command waiting on it. Commands run one at a time; pipelined groups write once and
/// collect one reply per command.
/// </summary>
public sealed partial class SmtpSession : IAsyncDisposable
{
    private static readonly byte[] Crlf = "\r\n"u8.ToArray();

    private readonly TranscriptRecorder _transcript;
    private readonly SessionPhaseTracker _phase = new();
    private readonly SemaphoreSlim _commandGate = new(1, 1);
    private readonly ConcurrentQueue<PendingCommand> _awaiting = new();
    private SmtpConnection? _connection;
    private Channel<SmtpReply> _replies = Channel.CreateUnbounded<SmtpReply>();
    private Task? _readerLoop;
    private CancellationTokenSource? _readerStop;
    // STARTTLS: the reader stops after the reply that answers STARTTLS. Arming (with the stale-reply drain) and the
    // reader's check-and-publish share this lock, so the reply it stops after is exactly the one StartTlsAsync takes.
    private readonly object _replyHandoff = new();
    private bool _pauseAtStartTlsReply;
    private long _lastSendTimestamp;
    private bool _closingAnnounced;
    private int _messagesAccepted;

    /// <summary>Test seam: runs on the reader loop after each reply is handed over (widens race windows on purpose).</summary>
    internal Action<SmtpReply>? ReplyPublishedForTest { get; set; }

    public SmtpSession(TranscriptRecorder transcript)
    {
        _transcript = transcript;
    }

    public TranscriptRecorder Transcript => _transcript;

    /// <summary>Raised (on any thread) when connection, TLS, auth, phase or capabilities change.</summary>
    public event Action? StateChanged;

    public ConnectOptions? Options { get; private set; }
    public bool IsConnected => _connection is not null;
    public bool IsTls => _connection?.Tls is not null;

    /// <summary>e.g. "TLSv1.3 TLS_AES_256_GCM_SHA384"; null without TLS.</summary>
    public string? TlsSummary { get; private set; }

    public string? AuthenticatedUser { get; private set; }
    public SessionPhase Phase => _phase.Phase;
    public EhloCapabilities Capabilities { get; private set; } = EhloCapabilities.None;
    public SmtpReply? Greeting { get; private set; }
    public SmtpReply? LastReply { get; private set; }

    /// <summary>
    /// Messages the server took over this session's life (every connection): a 2xx to the end of DATA or to
    /// <c>BDAT … LAST</c>. Never reset, so a front end can sum a whole sitting.
    /// </summary>
    public int MessagesAccepted => Volatile.Read(ref _messagesAccepted);

    /// <summary>
    /// How many connections this session has opened (or tried to): a front end that sums up a sitting tells one
    /// server's TLS and login from the next one's by it.
    /// </summary>
    public int ConnectionNumber => Volatile.Read(ref _connectionNumber);

    private int _connectionNumber;

    /// <summary>How long the TCP connection (and any proxy handshake) took, without TLS or the wait for the greeting.</summary>
    public TimeSpan? ConnectTime { get; private set; }

    /// <summary>Time from sending the last command to its reply.</summary>
    public TimeSpan? LastLatency { get; private set; }

    /// <summary>The verb of the command the last reply answers: "MAIL", "AUTH" (also for SASL responses), "DATA" (also for the end of the body), …</summary>
    public string? LastVerb { get; private set; }

    /// <summary>The context of the last reply: the command it answers, the phase, the hint.</summary>
    public ReplyContext? LastReplyContext { get; private set; }

    /// <summary>Opens the connection, applies implicit TLS or STARTTLS as asked, and reads the greeting.</summary>
    public async Task<CommandResult> ConnectAsync(ConnectOptions options, CancellationToken ct = default)
    {
        if (_connection is not null) await DisconnectAsync(SessionMessages.ClosingPrevious).ConfigureAwait(false);
        // A reader loop that saw the server close (after QUIT's 221, say) finishes on its own: its last act resets the
        // session's state (capabilities, phase). Let it finish first, or it would wipe what this connection learns.
        if (_readerLoop is { IsCompleted: false } previousLoop)
            await Task.WhenAny(previousLoop, Task.Delay(TimeSpan.FromSeconds(2))).ConfigureAwait(false);
        Options = options;
        Interlocked.Increment(ref _connectionNumber);
        Greeting = null;
        LastReply = null;
        ServerCertificate = null;
        CertificateVerdict = null;
        TlsAlert = null;
        InjectedBeforeTlsBytes = 0;
        InjectedBeforeTlsPreview = null;
        LastReplyContext = null;
        _closingAnnounced = false;
        _awaiting.Clear();
        string mode = options.Security switch { SecurityMode.Tls => SessionMessages.ModeImplicitTls, SecurityMode.StartTls => SessionMessages.ModeStartTls, _ => SessionMessages.ModePlain };
        string label = options.Label is null ? string.Empty : $" [{options.Label}]";
        Proxy.ProxyAddress? proxy = null;
        if (options.Proxy is not null && !Proxy.ProxyAddress.TryParse(options.Proxy, out proxy, out string? proxyProblem))
        {
            _transcript.Error(proxyProblem!);
            return CommandResult.Fail(CommandFailure.ConnectFailed, proxyProblem!);
        }
        string? proxyShown = proxy is null ? null
            : proxy.Kind == Proxy.ProxyKind.Socks5 ? SessionMessages.Socks5Proxy(proxy.HostPort) : SessionMessages.HttpProxy(proxy.HostPort);
        _transcript.Record(new TranscriptEvent(TranscriptEventKind.Connect, proxyShown is null
            ? SessionMessages.Connecting(options.Host, options.Port, mode, label)
            : SessionMessages.ConnectingVia(options.Host, options.Port, mode, label, proxyShown, Proxy.ProxyConnector.FormatTarget(options.Host, options.Port))));

        // A last line of defence for values that did not come through the command line's checks (profiles, API callers).
        string? invalid = ConnectLimits.HostProblem(options.Host)
            ?? ConnectLimits.TimeoutProblem(options.ConnectTimeout.TotalSeconds, SessionMessages.TheConnectTimeout)
            ?? ConnectLimits.TimeoutProblem(options.ReplyTimeout.TotalSeconds, SessionMessages.TheReplyTimeout);
        if (invalid is not null)
        {
            _transcript.Error(SessionMessages.CannotConnect(invalid));
            return CommandResult.Fail(CommandFailure.ConnectFailed, invalid);
        }
        var stopwatch = Stopwatch.StartNew();
        try
        {
            _connection = await SmtpConnection.OpenAsync(options.Host, options.Port, options.ConnectTimeout, options.ReplyFallbackEncoding, proxy,
                step => _transcript.Record(new TranscriptEvent(TranscriptEventKind.Connect, step)), ct).ConfigureAwait(false);
        }
        catch (SmtpConnectionException ex)
        {
            _transcript.Error(ex.Message);
            return CommandResult.Fail(CommandFailure.ConnectFailed, ex.Message);
        }
        catch (OperationCanceledException)
        {
            _transcript.Warn(SessionMessages.ConnectCancelled);
            return CommandResult.Fail(CommandFailure.Cancelled, SessionMessages.ConnectCancelled);
        }
        ConnectTime = stopwatch.Elapsed;
        _phase.OnConnected();
        string milliseconds = stopwatch.Elapsed.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture);
        _transcript.Record(new TranscriptEvent(TranscriptEventKind.Connect, proxyShown is null
            ? SessionMessages.Connected(_connection.RemoteEndPoint?.ToString() ?? options.Host, milliseconds)
            : SessionMessages.ConnectedThrough(Proxy.ProxyConnector.FormatTarget(options.Host, options.Port), proxyShown, milliseconds)));

        if (options.Security == SecurityMode.Tls)
        {
            var tls = await NegotiateTlsAsync(ct).ConfigureAwait(false);
            if (tls is not null) return tls;
        }
        _awaiting.Enqueue(PendingCommand.Greeting);
        StartReader();
        Changed();

        var greeting = await ReceiveAsync("greeting", ct).ConfigureAwait(false);
        if (greeting.Reply is { } reply)
        {
            Greeting = reply;
            if (reply.Code != 220) _transcript.Warn(SessionMessages.GreetingNot220(reply.Code));
            Changed();
        }
        if (options.Security != SecurityMode.StartTls || greeting.Reply?.Code != 220) return greeting;

        // Like `openssl s_client -starttls smtp`: EHLO and STARTTLS are sent visibly, then the user takes over.
        var ehlo = await EhloAsync(options.EhloName, ct).ConfigureAwait(false);
        if (!ehlo.Succeeded || !Capabilities.StartTls)
        {
            // TLS was asked for and cannot happen: close rather than leave a plain-text connection to type into.
            var remedy = ehlo.Succeeded ? Remedy.UseImplicitTls : Remedy.None;
            string message = ehlo.Succeeded
                ? SessionMessages.ConnectionClosedAfter(CoreMessages.StartTlsNotAdvertised)
                : SessionMessages.EhloFailedBeforeStartTls;
            _transcript.Error(message, remedy);
            await DisconnectAsync(null).ConfigureAwait(false);
            return new CommandResult(ehlo.Reply, CommandFailure.TlsFailed, message) { Remedy = remedy };
        }
        return await StartTlsAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Sends EHLO (falling back to nothing: HELO is the user's call) and learns the capabilities.</summary>
    public async Task<CommandResult> EhloAsync(string? name, CancellationToken ct = default)
    {
        string domain = string.IsNullOrWhiteSpace(name) ? Options?.EhloName ?? "localhost" : name.Trim();
        return await SendCommandAsync("EHLO " + domain, ct: ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Upgrades with STARTTLS (RFC 3207), discarding anything the server sent after its 220. TLS was asked for, so
    /// any other outcome (another code, a malformed reply, silence, a close) ends the connection as a TLS failure:
    /// nothing more is sent in clear.
    /// </summary>
    public async Task<CommandResult> StartTlsAsync(CancellationToken ct = default)
    {
        if (_connection is null) return NotConnected();
        if (IsTls)
        {
            _transcript.Error(SessionMessages.TlsAlreadyActive);
            return CommandResult.Fail(CommandFailure.Refused, SessionMessages.TlsAlreadyActive);
        }
        var result = await SendCommandAsync("STARTTLS", null, pauseReaderAtReply: true, ct).ConfigureAwait(false);
        if (result.Failure != CommandFailure.None || !IsGoAheadForTls(result.Reply))
            return await AbandonStartTlsAsync(result).ConfigureAwait(false);
        if (_readerLoop is not null) await _readerLoop.ConfigureAwait(false);
        if (_connection is null) return CommandResult.Fail(CommandFailure.TlsFailed, SessionMessages.ClosedDuringStartTls);

        byte[] injected = _connection.TakeUnreadBytes();
        if (injected.Length > 0)
        {
            string preview = ServerText.EscapeBytes(injected.AsSpan(0, Math.Min(injected.Length, 200)));
            InjectedBeforeTlsBytes = injected.Length;
            InjectedBeforeTlsPreview = preview;
            _transcript.Warn(SessionMessages.InjectedBeforeTls(injected.Length, preview));
        }
        var failure = await NegotiateTlsAsync(ct).ConfigureAwait(false);
        if (failure is not null) return failure;
        Capabilities = EhloCapabilities.None;
        _phase.OnTlsStarted();
        _transcript.Info(SessionMessages.TlsUpSendEhloAgain);
        StartReader();
        Changed();
        return result;
    }

    /// <summary>STARTTLS got no 220: closes without another byte (no QUIT) and reports a TLS failure, keeping the reply.</summary>
    private async Task<CommandResult> AbandonStartTlsAsync(CommandResult result)
    {
        string why = result.Reply is { } reply
            ? reply.IsMalformed ? SessionMessages.StartTlsMalformedReply
                : reply.Code == 220 ? SessionMessages.StartTlsNotAll220
                : SessionMessages.StartTlsOtherCode(reply.Code.ToString(CultureInfo.InvariantCulture))
            : result.Failure switch
            {
                CommandFailure.Timeout => SessionMessages.StartTlsNoReplyInTime,
                CommandFailure.Cancelled => SessionMessages.StartTlsNoReplyCancelled,
                _ => SessionMessages.StartTlsNoReply,
            };
        if (result.Failure is CommandFailure.Refused or CommandFailure.NotConnected) return result;
        string message = SessionMessages.StartTlsFailed(why);
        _transcript.Error(message);
        await DisconnectAsync(null).ConfigureAwait(false);
        return new CommandResult(result.Reply, CommandFailure.TlsFailed, message);
    }

    /// <summary>
    /// Sends one command line and waits for its reply. The line is validated (no CR/LF) and, when secret, shown
    /// redacted. A reply is always recorded by the reader loop; this returns it or says why none came.
    /// </summary>
    public Task<CommandResult> SendCommandAsync(string line, SendAnnotation? annotation = null, CancellationToken ct = default) =>
        SendCommandAsync(line, annotation, pauseReaderAtReply: false, ct);

    private async Task<CommandResult> SendCommandAsync(string line, SendAnnotation? annotation, bool pauseReaderAtReply, CancellationToken ct)
    {
        if (SmtpCommandText.Problem(line) is { } problem)
        {
            _transcript.Error(problem);
            return CommandResult.Fail(CommandFailure.Refused, problem);
        }
        if (_connection is null) return NotConnected();
        await _commandGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            lock (_replyHandoff)
            {
                DrainStaleReplies();
                _pauseAtStartTlsReply = pauseReaderAtReply;
            }
            string shown = annotation is { Secret: true } ? annotation.Display ?? TranscriptEvent.RedactedText : Redact(line);
            var pending = AnswersSaslChallenge() ? PendingCommand.SaslResponse(shown) : PendingCommand.Command(line, shown);
            if (_closingAnnounced) _transcript.Warn(CoreMessages.CommandAfterClosing(shown));
            RecordSend(line, annotation ?? SendAnnotation.None);
            _awaiting.Enqueue(pending);
            if (!await TryWriteAsync(Encoding.UTF8.GetBytes(line + "\r\n"), ct).ConfigureAwait(false))
                return CommandResult.Fail(CommandFailure.Closed, _closingAnnounced ? CoreMessages.ClosedAfterClosing : CoreMessages.ConnectionLostWhileSending);
            return await ReceiveAsync(shown, ct).ConfigureAwait(false);
        }
        finally
        {
            _commandGate.Release();
        }
    }

    /// <summary>
    /// RFC 2920 pipelining: records every command, sends them in a single write, then pairs each reply with its
    /// command. Stops collecting early if the connection closes or a reply times out.
    /// </summary>
    public Task<IReadOnlyList<CommandResult>> SendPipelinedAsync(IReadOnlyList<string> lines, CancellationToken ct = default) =>
        SendPipelinedAsync(lines, null, ct);

    /// <summary>As above; <paramref name="annotations"/> (one per line) hides secret lines everywhere they are shown.</summary>
    public async Task<IReadOnlyList<CommandResult>> SendPipelinedAsync(IReadOnlyList<string> lines, IReadOnlyList<SendAnnotation>? annotations, CancellationToken ct = default)
    {
        foreach (var line in lines)
        {
            if (SmtpCommandText.Problem(line) is { } problem)
            {
                _transcript.Error(problem);
                return [CommandResult.Fail(CommandFailure.Refused, problem)];
            }
        }
        if (_connection is null) return [NotConnected()];
        await _commandGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            DrainStaleReplies();
            // The whole group is encoded into one array sized up front: 10,000 RCPT lines are ~300 KB, and growing a
            // list of per-line arrays cost more than the engine's own work on them.
            int length = 0;
            foreach (string line in lines) length += Encoding.UTF8.GetByteCount(line) + Crlf.Length;
            byte[] bytes = new byte[length];
            int written = 0;
            for (int i = 0; i < lines.Count; i++)
            {
                var annotation = annotations?[i] ?? SendAnnotation.None;
                RecordSend(lines[i], annotation);
                string shownLine = Shown(lines[i], annotation);
                // The first line of a group sent while a 334 waits answers that challenge: its reply answers AUTH.
                _awaiting.Enqueue(i == 0 && AnswersSaslChallenge() ? PendingCommand.SaslResponse(shownLine) : PendingCommand.Command(lines[i], shownLine, pipelined: lines.Count > 1));
                written += Encoding.UTF8.GetBytes(lines[i], bytes.AsSpan(written));
                Crlf.CopyTo(bytes.AsSpan(written));
                written += Crlf.Length;
            }
            if (!await TryWriteAsync(bytes, ct).ConfigureAwait(false))
                return [CommandResult.Fail(CommandFailure.Closed, _closingAnnounced ? CoreMessages.ClosedAfterClosing : CoreMessages.ConnectionLostWhileSending)];
            var results = new List<CommandResult>(lines.Count);
            for (int i = 0; i < lines.Count; i++)
            {
                var result = await ReceiveAsync(Shown(lines[i], annotations?[i] ?? SendAnnotation.None), ct).ConfigureAwait(false);
                results.Add(result);
                if (result.Reply is null) break;
            }
            return results;
        }
        finally
        {
            _commandGate.Release();
        }
    }

    /// <summary>Sends QUIT, waits briefly for 221 and closes.</summary>
    public async Task<CommandResult> QuitAsync(CancellationToken ct = default)
    {
        if (_connection is null) return NotConnected();
        var result = await SendCommandAsync("QUIT", ct: ct).ConfigureAwait(false);
        await DisconnectAsync(null).ConfigureAwait(false);
        return result;
    }

    /// <summary>Closes the connection without a QUIT.</summary>
    public async Task DisconnectAsync(string? reason)
    {
        var connection = _connection;
        if (connection is null) return;
        _connection = null;
        _readerStop?.Cancel();
        // The reader loop must be off the pipe before it is completed: completing it mid-parse frees the buffers being parsed.
        if (_readerLoop is { IsCompleted: false } loop) await Task.WhenAny(loop, Task.Delay(TimeSpan.FromSeconds(2))).ConfigureAwait(false);
        await connection.DisposeAsync().ConfigureAwait(false);
        if (_readerLoop is not null)
        {
            try
            {
                await _readerLoop.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Expected: the loop was told to stop.
            }
        }
        if (reason is not null) _transcript.Info(reason);
        MarkClosed();
    }

    public async ValueTask DisposeAsync()
    {
        await DisconnectAsync(null).ConfigureAwait(false);
        _commandGate.Dispose();
    }

    internal void RecordSend(string line, SendAnnotation annotation)
    {
        _lastSendTimestamp = Stopwatch.GetTimestamp();
        _transcript.Record(new TranscriptEvent(TranscriptEventKind.Send, annotation.Secret ? annotation.Display ?? TranscriptEvent.RedactedText : annotation.Display ?? line)
        {
            Secret = annotation.Secret,
            Note = annotation.Note,
            RevealText = annotation.Secret ? line : null,
            // Kept only when the shown text differs from the line (escaped characters): a transcript replays the bytes sent.
            ExactText = annotation.Secret || annotation.Display is not null ? null : line,
        });
    }

    internal async Task<bool> TryWriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken ct)
    {
        var connection = _connection;
        if (connection is null) return false;
        try
        {
            await connection.WriteAsync(bytes, ct).ConfigureAwait(false);
            return true;
        }
        catch (SmtpConnectionException ex)
        {
            _transcript.Error(ex.Message);
            await DisconnectAsync(null).ConfigureAwait(false);
            return false;
        }
    }

    /// <summary>Waits for the next reply, within the reply timeout. A ValueTask: a reply already queued costs no Task.</summary>
    internal async ValueTask<CommandResult> ReceiveAsync(string waitingFor, CancellationToken ct)
    {
        // A reply already here (most of a pipelined group's) needs no deadline: no timer armed and cancelled per reply.
        if (!ct.IsCancellationRequested && _replies.Reader.TryRead(out var ready)) return CommandResult.Of(ready);
        var timeout = Options?.ReplyTimeout ?? TimeSpan.FromSeconds(30);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        try
        {
            var reply = await _replies.Reader.ReadAsync(deadline.Token).ConfigureAwait(false);
            return CommandResult.Of(reply);
        }
        catch (ChannelClosedException)
        {
            string message = _closingAnnounced ? CoreMessages.ClosedAfterClosing : CoreMessages.ClosedWithoutReply(Describe(waitingFor));
            _transcript.Error(message);
            return CommandResult.Fail(CommandFailure.Closed, message);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            _awaiting.TryDequeue(out _);
            _transcript.Warn(SessionMessages.WaitCancelled(Describe(waitingFor)));
            return CommandResult.Fail(CommandFailure.Cancelled, "cancelled");
        }
        catch (OperationCanceledException)
        {
            _awaiting.TryDequeue(out _);
            string message = SessionMessages.ReplyTimeout(Describe(waitingFor), timeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture));
            _transcript.Error(message, Remedy.LongerTimeout);
            return CommandResult.Fail(CommandFailure.Timeout, message, Remedy.LongerTimeout);
        }
    }

    /// <summary>Moves the session on by a reply to <paramref name="command"/>: the one place that learns from replies.</summary>
    private void Apply(PendingCommand command, SmtpReply reply)
    {
        LastReply = reply;
        LastVerb = command.Verb;
        if (command.Kind != PendingCommandKind.Greeting) LastLatency = Stopwatch.GetElapsedTime(_lastSendTimestamp);
        if (command.Kind == PendingCommandKind.Greeting) Greeting = reply;
        if (command.Verb is "EHLO" && reply.Code == 250)
        {
            Capabilities = EhloCapabilities.Parse(reply.Lines);
            foreach (var odd in Capabilities.Problems) _transcript.Warn(CoreMessages.EhloLineNotUnderstood(odd));
        }
        if (command.Verb == "AUTH" && reply.Code == 235) AuthenticatedUser ??= "(raw AUTH)";
        if (command.EndsMessage && reply.Code is >= 200 and < 300) Interlocked.Increment(ref _messagesAccepted);
        _phase.OnReply(command, reply);
        Changed();
    }

    /// <summary>A line sent while the last reply is a 334 to AUTH is a SASL response, whatever it looks like.</summary>
    private bool AnswersSaslChallenge() =>
        LastReply is { Code: 334 } && LastReplyContext?.Answers is { Verb: "AUTH" };

    /// <summary>The context a reply arrives in, with the hint and explanation worked out once for every front end.</summary>
    private ReplyContext ContextFor(PendingCommand? command, SmtpReply reply)
    {
        var context = new ReplyContext(command, _phase.Phase);
        if (reply.Code < 400 || reply.IsMalformed) return context;
        var state = new SessionState(_phase.Phase, AuthenticatedUser is not null, IsTls, Capabilities, _closingAnnounced);
        SessionStateHint? stateHint = null;
        Explanation? explanation = null;
        try
        {
            stateHint = SessionStateHints.For(command, reply.Code, reply.Text, state);
            explanation = ReplyExplainer.Explain(FactsFor(reply, command?.Verb));
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            // Advice must never break a session: the reply is still recorded and answered.
        }
        return context with { StateHint = stateHint, Explanation = explanation, Hint = stateHint?.Text ?? explanation?.OneLineHint };
    }

    /// <summary>What the explainer may know about a reply in this session: host, greeting, provider, the verb it answers.</summary>
    public ReplyFacts FactsFor(SmtpReply reply, string? verb) =>
        ReplyFacts.FromReplyLines([.. reply.FormatLines()]) with
        {
            Host = Options?.Host,
            Greeting = Greeting?.Text,
            Phase = verb,
            ProviderHint = Options?.Profile?.Provider,
        };

    /// <summary>The full explanation of a recorded reply: the one worked out when it arrived, or (2xx/3xx) one made now in its context.</summary>
    public Explanation Explain(TranscriptEvent replyEvent)
    {
        ArgumentNullException.ThrowIfNull(replyEvent);
        if (replyEvent.Context?.Explanation is { } known) return known;
        if (replyEvent.Reply is not { } reply) throw new ArgumentException("not a reply event", nameof(replyEvent));
        return ReplyExplainer.Explain(FactsFor(reply, replyEvent.Context?.Verb));
    }

    internal void SetAuthenticatedUser(string? user)
    {
        AuthenticatedUser = user;
        Changed();
    }

    internal void OnMessageEnd()
    {
        _phase.OnMessageEnd();
        Changed();
    }

    private void DrainStaleReplies()
    {
        while (_replies.Reader.TryRead(out _))
        {
            // Already recorded (and flagged unsolicited) by the reader loop; it must not answer the next command.
        }
        _awaiting.Clear();
    }

    private void StartReader()
    {
        var connection = _connection!;
        // Always a fresh channel: replies the previous connection left unread (a 421, garbage) must never answer this one.
        _replies = Channel.CreateUnbounded<SmtpReply>();
        lock (_replyHandoff) _pauseAtStartTlsReply = false;
        _readerStop = new CancellationTokenSource();
        _readerLoop = Task.Run(() => ReadLoopAsync(connection, _replies.Writer, _readerStop.Token));
    }

    private async Task ReadLoopAsync(SmtpConnection connection, ChannelWriter<SmtpReply> writer, CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                SmtpReply? reply = await connection.ReadReplyAsync(ct).ConfigureAwait(false);
                if (reply is null)
                {
                    _transcript.Info(SessionMessages.ServerClosed);
                    break;
                }
                bool solicited = RecordReply(reply);
                bool pause = false;
                lock (_replyHandoff)
                {
                    // A reply shown as unsolicited answers nothing: published, it could be taken by the command sent
                    // right after the stale-reply drain, and that command's own reply by the next one.
                    if (solicited)
                    {
                        pause = _pauseAtStartTlsReply;
                        _pauseAtStartTlsReply = false;
                        writer.TryWrite(reply);
                    }
                }
                ReplyPublishedForTest?.Invoke(reply);
                // STARTTLS: stop reading so bytes after the 220 stay unread and can be inspected and dropped.
                if (pause) return;
            }
        }
        catch (OperationCanceledException)
        {
            return;
        }
        catch (SmtpConnectionException ex)
        {
            _transcript.Error(ex.Message);
        }
        catch (ObjectDisposedException)
        {
            return;
        }
        catch (InvalidOperationException) when (!ReferenceEquals(_connection, connection))
        {
            // DisconnectAsync completed the pipe reader while a read was returning: the connection is being closed on purpose.
            return;
        }
        writer.TryComplete();
        if (ReferenceEquals(_connection, connection))
        {
            _connection = null;
            await connection.DisposeAsync().ConfigureAwait(false);
            MarkClosed();
        }
    }

    /// <summary>Shows a reply and applies it; false when no command was waiting for it.</summary>
    private bool RecordReply(SmtpReply reply)
    {
        string? note = null;
        PendingCommand? command = _awaiting.TryDequeue(out var pending) ? pending : null;
        if (command is { Kind: PendingCommandKind.PipelinedCommand }) note = CoreMessages.ReplyTo(command.Line);
        else if (command is null && Greeting is not null) note = CoreMessages.UnsolicitedReply;
        if (reply.Challenge is { } challenge) note = SaslPayloadWording.Note(challenge);
        var context = ContextFor(command, reply);
        LastReplyContext = context;
        _transcript.Record(new TranscriptEvent(TranscriptEventKind.Reply, reply.DisplayText)
        {
            Reply = reply,
            Note = note,
            Context = context,
        });
        if (reply.Problem is not null) _transcript.Error(CoreMessages.MalformedReply(reply.Problem));
        foreach (var warning in reply.Warnings) _transcript.Warn(warning);
        if (reply.Code == 421)
        {
            _closingAnnounced = true;
            _transcript.Warn(CoreMessages.ServerClosing421);
        }
        if (command is not null) Apply(command, reply);
        return command is not null;
    }

    private void MarkClosed()
    {
        TlsSummary = null;
        AuthenticatedUser = null;
        Capabilities = EhloCapabilities.None;
        _phase.OnDisconnected();
        Changed();
    }

    private CommandResult NotConnected()
    {
        string message = _closingAnnounced ? CoreMessages.NotConnectedAfterClosing : CoreMessages.NotConnected;
        _transcript.Error(message);
        return CommandResult.Fail(CommandFailure.NotConnected, message);
    }

    private static string Shown(string line, SendAnnotation annotation) => annotation.Secret ? annotation.Display ?? TranscriptEvent.RedactedText : Redact(line);

    private static string Describe(string waitingFor) => waitingFor == "greeting" ? SessionMessages.WaitingForGreeting : $"\"{Redact(waitingFor)}\"";

    private static string Redact(string line) =>
        Sasl.AuthCommandLine.MayHoldSecret(line) ? Sasl.AuthCommandLine.Annotate(line).Display ?? TranscriptEvent.RedactedText : line;

    private void Changed() => StateChanged?.Invoke();
}
