using SmtpConsole.Core.Messages;
using SmtpConsole.Core.Protocol;
using SmtpConsole.Core.Sasl;
using SmtpConsole.Core.Session;

namespace SmtpConsole.Core.Commands;

public sealed partial class CommandRunner
{
    private async Task<StepOutcome> ConnectAsync(ConnectCommand command, CancellationToken ct)
    {
        var options = await ResolveTargetAsync(command, ct).ConfigureAwait(false);
        if (options is not null && (command.Proxy is not null || command.NoProxy)) options = options with { Proxy = command.NoProxy ? null : command.Proxy };
        if (options is null) return new StepOutcome(StepStatus.UsageError, null, Messages.StepMessages.NoSuchTarget);
        var result = await _session.ConnectAsync(options, ct).ConfigureAwait(false);
        LastResult = result;
        SetMode(RunnerMode.Command);
        if (_session.IsConnected) OnConnected(options);
        return ConnectOutcome(result);
    }

    /// <summary>No greeting at all (timeout, or closed before one) is a connection failure, like a refused connect.</summary>
    private StepOutcome ConnectOutcome(CommandResult result) =>
        result.IsConnectionFailure || (result.Reply is null && _session.Greeting is null && result.Failure is CommandFailure.Timeout or CommandFailure.Closed)
            ? new StepOutcome(StepStatus.ConnectionFailed, result, result.Message)
            : Track(result, helper: true);

    /// <summary>Connects to fully resolved options, recorded as a <c>/connect</c> helper block (so a saved transcript replays it).</summary>
    public async Task<StepOutcome> ConnectToAsync(ConnectOptions options, CancellationToken ct = default)
    {
        string mode = options.Security switch { SecurityMode.Tls => " --tls", SecurityMode.StartTls => " --starttls", _ => " --plain" };
        // A target with a script name (the practice server) is recorded by that name: its port is only valid today.
        string display = options.ScriptName is { } name
            ? "/connect " + name
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"/connect {options.Host} {options.Port}{mode}");
        if (options.Proxy is { } proxy) display += " --proxy " + Proxy.ProxyAddress.Redact(proxy);
        return await Helper(new ConnectCommand(options.Host, options.Port, options.Security, options.Insecure, options.CaFile) { Display = display }, async () =>
        {
            var result = await _session.ConnectAsync(options, ct).ConfigureAwait(false);
            LastResult = result;
            SetMode(RunnerMode.Command);
            if (_session.IsConnected) OnConnected(options);
            return ConnectOutcome(result);
        }).ConfigureAwait(false);
    }

    /// <summary>Turns <c>/connect</c> arguments into options: a profile, an MX lookup, or a host.</summary>
    public async Task<ConnectOptions?> ResolveTargetAsync(ConnectCommand command, CancellationToken ct)
    {
        var defaults = Settings.Defaults;
        string target = command.Target;
        if (target.StartsWith("mx:", StringComparison.OrdinalIgnoreCase))
        {
            string domain = target[3..];
            if (Settings.LookupMx is null)
            {
                Usage(Messages.RunnerMessages.MxUnavailable);
                return null;
            }
            var hosts = await LookupMxAsync(domain, ct).ConfigureAwait(false);
            if (hosts.Count == 0) return null;
            _session.Transcript.Info(RunnerMessages.ConnectingToBestMx(domain, hosts[0]));
            target = hosts[0];
        }
        else if (Settings.ResolveProfile is not null && !target.Contains('.') && !target.Contains(':') && !target.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            var profile = Settings.ResolveProfile(target);
            if (profile is not null)
            {
                return profile with
                {
                    Port = command.Port ?? profile.Port,
                    Security = command.Security ?? profile.Security,
                    Insecure = profile.Insecure || command.Insecure,
                    CaFile = command.CaFile ?? profile.CaFile,
                };
            }
        }
        var security = command.Security ?? (command.Port == 465 ? SecurityMode.Tls : SecurityMode.Plain);
        if (command.Security is null && command.Port == 465) _session.Transcript.Info(RunnerMessages.Port465IsImplicitTls);
        return defaults with
        {
            Host = target,
            Port = command.Port ?? ConnectOptions.DefaultPort(security),
            Security = security,
            Insecure = defaults.Insecure || command.Insecure,
            CaFile = command.CaFile ?? defaults.CaFile,
            Label = null,
            PinnedCertificate = null,
        };
    }

    private async Task<StepOutcome> EhloAsync(EhloCommand command, CancellationToken ct)
    {
        // No name given: the one used last in this session, else the profile's / --ehlo-name / the machine's.
        string? name = string.IsNullOrWhiteSpace(command.Name) ? _lastGreetingName : command.Name.Trim();
        if (name is not null) _lastGreetingName = name;
        var result = command.Helo
            ? await _session.SendCommandAsync("HELO " + (name ?? _session.Options?.EhloName ?? "localhost"), ct: ct).ConfigureAwait(false)
            : await _session.EhloAsync(name, ct).ConfigureAwait(false);
        var outcome = Track(result, helper: true);
        if (!command.Helo && result.Succeeded) DescribeCapabilities();
        return outcome;
    }

    private void DescribeCapabilities()
    {
        var caps = _session.Capabilities;
        var parts = new List<string>();
        if (caps.Size is { } size) parts.Add(size == 0 ? RunnerMessages.OfferNoSizeLimit : RunnerMessages.OfferSizeLimit(size.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)));
        parts.Add(caps.Auth ? "AUTH " + string.Join(' ', caps.AuthMechanisms) : _session.IsTls ? RunnerMessages.OfferNoAuth : RunnerMessages.OfferNoAuthBeforeTls);
        if (caps.StartTls) parts.Add(RunnerMessages.OfferStartTls);
        foreach (var flag in new[] { "PIPELINING", "8BITMIME", "SMTPUTF8", "CHUNKING", "DSN", "ENHANCEDSTATUSCODES", "REQUIRETLS" })
            if (caps.Has(flag)) parts.Add(flag);
        var unknown = caps.UnknownKeywords.ToList();
        if (unknown.Count > 0) parts.Add(RunnerMessages.OfferOther(string.Join(' ', unknown)));
        _session.Transcript.Info(RunnerMessages.ServerOffers(string.Join(RunnerMessages.ListSeparator, parts)));
        Advise(_advisor.AfterEhlo(caps, _session.IsTls));
    }

    private async Task<StepOutcome> StartTlsAsync(CancellationToken ct)
    {
        if (!_session.Capabilities.IsEmpty && !_session.Capabilities.StartTls)
            _session.Transcript.Warn(RunnerMessages.StartTlsNotAdvertisedTrying);
        return Track(await _session.StartTlsAsync(ct).ConfigureAwait(false), helper: true);
    }

    private async Task<StepOutcome> AuthAsync(AuthCommand command, CancellationToken ct)
    {
        if (!_session.IsConnected) return Track(await _session.SendCommandAsync("AUTH", ct: ct).ConfigureAwait(false), helper: true);
        // Checks first (what the server offers, then consent to clear text), the secret last: nobody types a
        // password only to learn it will not be sent, or that the server does not offer AUTH here.
        string? offerProblem = AuthOffer.Problem(_session.Capabilities, command.Mechanism, _session.IsTls, _session.AuthenticatedUser, _session.Phase);
        if (offerProblem is not null) _session.Transcript.Warn(offerProblem);
        bool allowPlaintext = _session.IsTls || await ConsentToPlaintextAsync(ct, offerProblem).ConfigureAwait(false);
        if (!allowPlaintext) return new StepOutcome(StepStatus.Failed, null, Messages.StepMessages.CredentialsRefusedWithoutTls);
        string? secret = command.Secret;
        if (secret is null)
        {
            // The prompt repeats the warning above the field: it is what the person reads while typing the secret.
            string prompt = Messages.RunnerMessages.SecretPrompt(command.User, command.Mechanism);
            if (offerProblem is not null) prompt = offerProblem + "\n" + prompt;
            secret = await _interaction.PromptSecretAsync(prompt, ct).ConfigureAwait(false);
            if (secret is null)
                return Usage(_interaction.CanAsk
                    ? Messages.RunnerMessages.SecretPromptCancelled(command.Mechanism.ToLowerInvariant(), command.User)
                    : Messages.RunnerMessages.NoSecretGiven(command.Mechanism.ToLowerInvariant(), command.User));
        }
        var request = new AuthRequest(command.Mechanism, command.User, secret) { InitialResponse = command.InitialResponse, AllowPlaintext = true, OfferChecked = true };
        return Track(await SaslAuthenticator.AuthenticateAsync(_session, request, ct).ConfigureAwait(false), helper: true);
    }

    private async Task<StepOutcome> DataAsync(DataCommand command, CancellationToken ct)
    {
        if (command.Inline is { } inline) return await Helper(command, () => DataBytesAsync(inline, Messages.RunnerMessages.RecordedMessage, ct)).ConfigureAwait(false);
        if (command.File is null)
        {
            // The helper block closes at the lone '.', so the whole exchange is one block in a saved transcript.
            _session.Transcript.Record(new Transcript.TranscriptEvent(Transcript.TranscriptEventKind.Info, command.Display) { Helper = Transcript.HelperBoundary.Start });
            var result = await _session.SendCommandAsync("DATA", ct: ct).ConfigureAwait(false);
            var outcome = Track(result, helper: true);
            if (result.Reply?.Code == 354) EnterBody("/data");
            else _session.Transcript.Record(new Transcript.TranscriptEvent(Transcript.TranscriptEventKind.Info, "/data") { Helper = Transcript.HelperBoundary.End });
            return outcome;
        }
        return await Helper(command, () => DataFileAsync(command.File, ct)).ConfigureAwait(false);
    }

    /// <summary>Files up to this size are kept in the transcript (D: lines) so a saved session resends the same bytes.</summary>
    public const int RecordPayloadUpTo = SmtpSession.RecordBodyLinesUpTo;

    private async Task<StepOutcome> DataFileAsync(string file, CancellationToken ct)
    {
        var (stream, problem) = OpenBodyFile(file, "/data");
        if (stream is null) return problem!;
        await using (stream.ConfigureAwait(false))
        {
            if (stream.Length <= RecordPayloadUpTo) return await DataBytesAsync(await ReadAndRecordAsync(stream, ct).ConfigureAwait(false), Path.GetFileName(file), ct).ConfigureAwait(false);
            _session.Transcript.Info(RunnerMessages.TooLargeToKeep(stream.Length.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)));
            return await DataStreamAsync(stream, Path.GetFileName(file), ct).ConfigureAwait(false);
        }
    }

    private async Task<StepOutcome> DataBytesAsync(byte[] bytes, string name, CancellationToken ct)
    {
        using var body = new MemoryStream(bytes, writable: false);
        return await DataStreamAsync(body, name, ct).ConfigureAwait(false);
    }

    private async Task<StepOutcome> DataStreamAsync(Stream stream, string name, CancellationToken ct)
    {
        long total = stream.Length;
        if (_session.Capabilities.Size is > 0 and var limit && total > limit)
            _session.Transcript.Warn(RunnerMessages.LargerThanSize(total.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), limit.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)));
        var result = await _session.SendCommandAsync("DATA", ct: ct).ConfigureAwait(false);
        if (result.Reply?.Code != 354) return Track(result, helper: true);
        var progress = new Progress(this, total);
        return Track(await _session.SendDataBodyAsync(stream, name, progress, ct).ConfigureAwait(false), helper: true);
    }

    private (FileStream? Stream, StepOutcome? Problem) OpenBodyFile(string file, string helper)
    {
        string path = Path.GetFullPath(file, Settings.BaseDirectory);
        try
        {
            return (new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan | FileOptions.Asynchronous), null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, Usage(Messages.RunnerMessages.FileUnreadable(helper, file, ex.Message)));
        }
    }

    /// <summary>Reads a small body file whole and records its bytes, so the saved transcript replays them (never the path).</summary>
    private async Task<byte[]> ReadAndRecordAsync(FileStream stream, CancellationToken ct)
    {
        byte[] bytes = new byte[stream.Length];
        await stream.ReadExactlyAsync(bytes, ct).ConfigureAwait(false);
        _session.Transcript.Record(new Transcript.TranscriptEvent(Transcript.TranscriptEventKind.Info,
            Messages.RunnerMessages.MessageBytesKept(bytes.Length)) { Payload = bytes });
        return bytes;
    }

    private sealed class Progress(CommandRunner runner, long total) : IProgress<long>
    {
        public void Report(long value) => runner._interaction.ReportDataProgress(value, total);
    }

    private async Task<StepOutcome> BodyLineAsync(string line, CancellationToken ct)
    {
        if (line == ".")
        {
            var result = await _session.EndDataAsync(ct).ConfigureAwait(false);
            SetMode(RunnerMode.Command);
            if (_dataHelper == "/data")
                _session.Transcript.Record(new Transcript.TranscriptEvent(Transcript.TranscriptEventKind.Info, "/data") { Helper = Transcript.HelperBoundary.End });
            _dataHelper = null;
            return Track(result, helper: true);
        }
        if (!_session.IsConnected)
        {
            SetMode(RunnerMode.Command);
            return new StepOutcome(StepStatus.Failed, null, Messages.StepMessages.ClosedDuringData);
        }
        Advise(_advisor.OnBodyLine(line, _session.Capabilities));
        bool ok = await _session.SendDataLineAsync(line, ct).ConfigureAwait(false);
        return ok ? StepOutcome.Ok() : new StepOutcome(StepStatus.Failed, null, Messages.StepMessages.BodyLineNotSent);
    }

    private async Task<StepOutcome> BdatAsync(BdatCommand command, CancellationToken ct)
    {
        if (command.Inline is { } inline)
        {
            using var recorded = new MemoryStream(inline, writable: false);
            return await BdatStreamAsync(recorded, command.ChunkSize, ct).ConfigureAwait(false);
        }
        var (stream, problem) = OpenBodyFile(command.File, "/bdat");
        if (stream is null) return problem!;
        await using (stream.ConfigureAwait(false))
        {
            if (stream.Length > RecordPayloadUpTo)
            {
                _session.Transcript.Info(RunnerMessages.TooLargeToKeep(stream.Length.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)));
                return await BdatStreamAsync(stream, command.ChunkSize, ct).ConfigureAwait(false);
            }
            using var body = new MemoryStream(await ReadAndRecordAsync(stream, ct).ConfigureAwait(false), writable: false);
            return await BdatStreamAsync(body, command.ChunkSize, ct).ConfigureAwait(false);
        }
    }

    private async Task<StepOutcome> BdatStreamAsync(Stream body, int chunkSize, CancellationToken ct)
    {
        if (!_session.Capabilities.IsEmpty && !_session.Capabilities.Chunking)
            _session.Transcript.Warn(RunnerMessages.ChunkingNotAdvertised);
        var progress = new Progress(this, body.Length);
        return Track(await _session.SendBdatAsync(body, chunkSize, progress, ct).ConfigureAwait(false), helper: true);
    }

    private StepOutcome StartPipeline()
    {
        if (!_session.Capabilities.IsEmpty && !_session.Capabilities.Pipelining)
            _session.Transcript.Warn(RunnerMessages.PipeliningNotAdvertised);
        _pipelineGroup.Clear();
        SetMode(RunnerMode.Pipeline);
        _session.Transcript.Info(RunnerMessages.PipelineCollecting);
        return StepOutcome.Ok();
    }

    private StepOutcome Collect(ConsoleCommand command)
    {
        if (PipelineGroupRules.Problem(_pipelineGroup.Count > 0 ? _pipelineLastVerb : null, command, out string? verb) is { } problem) return Usage(problem);
        if (command is RawCommand raw)
        {
            _pipelineGroup.Add(raw.Line);
            _pipelineLastVerb = verb; // the next line checks it: no second parse of this line
        }
        return StepOutcome.Ok(); // /end is handled by ExecutePipelineAsync; see EndPipelineAsync
    }

    /// <summary>
    /// Sends the collected group at <c>/end</c>, recorded as a <c>/pipeline</c> helper block so a saved transcript
    /// replays it as a group. A 4xx/5xx to a command of the group is for the caller to judge (a script's
    /// <c>/expect</c> lines after <c>/end</c>, one per command); see <see cref="LastGroupResults"/>.
    /// </summary>
    private async Task<StepOutcome> EndPipelineAsync(CancellationToken ct)
    {
        SetMode(RunnerMode.Command);
        LastGroupResults = [];
        if (_pipelineGroup.Count == 0) return Usage(Messages.RunnerMessages.PipelineEmpty);
        var lines = _pipelineGroup.ToList();
        _pipelineGroup.Clear();
        IReadOnlyList<SendAnnotation>? annotations = null;
        if (SaslExchangePending)
        {
            // The group answers a 334, and a LOGIN server's next 334 takes the next line: any line may be a credential.
            if (!_session.IsTls && !await ConsentToPlaintextAsync(ct).ConfigureAwait(false))
                return new StepOutcome(StepStatus.Failed, null, Messages.StepMessages.CredentialsRefusedWithoutTls);
            annotations = [.. lines.Select(_ => new SendAnnotation(true, Messages.RunnerMessages.PipelinedSaslHidden))];
        }
        _session.Transcript.Record(new Transcript.TranscriptEvent(Transcript.TranscriptEventKind.Info, "/pipeline") { Helper = Transcript.HelperBoundary.Start });
        IReadOnlyList<CommandResult> results;
        try
        {
            results = await _session.SendPipelinedAsync(lines, annotations, ct).ConfigureAwait(false);
        }
        finally
        {
            _session.Transcript.Record(new Transcript.TranscriptEvent(Transcript.TranscriptEventKind.Info, "/pipeline") { Helper = Transcript.HelperBoundary.End });
        }
        LastGroupResults = results;
        StepOutcome outcome = StepOutcome.Ok(results.Count > 0 ? results[^1] : null);
        for (int i = 0; i < results.Count; i++)
        {
            var tracked = Track(results[i], helper: false);
            if (tracked.Status != StepStatus.Ok && outcome.Status == StepStatus.Ok) outcome = tracked;
        }
        if (results.Count < lines.Count && outcome.Status == StepStatus.Ok) outcome = new StepOutcome(StepStatus.Failed, null, Messages.StepMessages.PipelineRepliesMissing);
        if (results.Count == lines.Count && SmtpCommandText.Verb(lines[^1]) == "DATA" && results[^1].Reply?.Code == 354) EnterBody("DATA");
        return outcome;
    }

    private async Task<StepOutcome> MxAsync(string domain, CancellationToken ct)
    {
        if (Settings.LookupMx is null) return Usage(Messages.RunnerMessages.MxUnavailable);
        var hosts = await LookupMxAsync(domain, ct).ConfigureAwait(false);
        return hosts.Count == 0 ? new StepOutcome(StepStatus.Failed, null, Messages.StepMessages.NoMx) : StepOutcome.Ok();
    }

    private async Task<IReadOnlyList<string>> LookupMxAsync(string domain, CancellationToken ct)
    {
        try
        {
            var hosts = await Settings.LookupMx!(domain, ct).ConfigureAwait(false);
            if (hosts.Count == 0) _session.Transcript.Error(RunnerMessages.NoMxRecords(domain));
            else _session.Transcript.Info(RunnerMessages.MxFor(domain, string.Join(", ", hosts)));
            return hosts;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _session.Transcript.Error(RunnerMessages.MxLookupFailed(domain, ex.Message));
            return [];
        }
    }

    private async Task<StepOutcome> QuitAsync(CancellationToken ct)
    {
        if (!_session.IsConnected) return Info(RunnerMessages.NotConnected);
        var result = await _session.QuitAsync(ct).ConfigureAwait(false);
        SetMode(RunnerMode.Command);
        LastResult = result;
        return result.Reply is not null ? StepOutcome.Ok(result) : new StepOutcome(StepStatus.Failed, result, result.Message);
    }

    private StepOutcome Help(string? topic)
    {
        var lines = HelpText.Lines(topic);
        // The /quit topic ends with the front end's own way to quit (a key in the TUI): a remedy key, not words here.
        bool quitTopic = string.Equals(topic?.Trim(), "/quit", StringComparison.OrdinalIgnoreCase);
        for (int i = 0; i < lines.Count; i++)
        {
            if (quitTopic && i == lines.Count - 1)
                _session.Transcript.Record(new Transcript.TranscriptEvent(Transcript.TranscriptEventKind.Info, lines[i]) { Remedy = Messages.Remedy.QuitConsole });
            else
                _session.Transcript.Info(lines[i]);
        }
        return StepOutcome.Ok();
    }
}
