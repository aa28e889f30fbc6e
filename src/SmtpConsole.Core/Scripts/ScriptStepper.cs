using SmtpConsole.Core.Messages;
using System.Globalization;
using SmtpConsole.Core.Commands;
using SmtpConsole.Core.Protocol;
using SmtpConsole.Core.Session;
using SmtpConsole.Core.Transcript;

namespace SmtpConsole.Core.Scripts;

/// <summary>
/// The one script engine (docs/scripts.md), behind <c>replay</c> and the TUI's F8: checks the whole script before
/// anything is sent, then runs it one step at a time. A step is one line plus the <c>/expect</c> (or <c>S:</c>) lines
/// right after it, which attach to it: they check its reply (for a pipelined group, one per command in order), and
/// when they allow a refusal the run goes on. A 4xx/5xx (or malformed) reply with no expectation fails the run.
/// Thread-safe: steps run one at a time, whichever thread asks.
/// </summary>
public sealed class ScriptStepper
{
    private readonly CommandRunner _runner;
    private readonly ScriptDocument _script;
    private readonly IReadOnlyDictionary<string, string> _variables;
    private readonly ScriptRunOptions _options;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lock _state = new();
    private Dictionary<int, ConsoleCommand>? _parsed;
    private int _next;
    private bool _started;
    private bool _finished;
    private bool _bodySkipped;
    private int _running;
    private int _exitCode = ExitCodes.Success;
    private readonly List<(ScriptLine Line, ExpectationSpec Spec)> _expectations = [];

    public ScriptStepper(CommandRunner runner, ScriptDocument script, IReadOnlyDictionary<string, string> variables, ScriptRunOptions? options = null)
    {
        _runner = runner;
        _script = script;
        _variables = variables;
        _options = options ?? new ScriptRunOptions();
    }

    public string Name => Path.GetFileName(_script.Source);

    public bool IsFinished
    {
        get { lock (_state) return _finished; }
    }

    public bool IsRunning => Volatile.Read(ref _running) == 1;

    /// <summary>The exit code the run has earned so far (0 until something fails).</summary>
    public int ExitCode
    {
        get { lock (_state) return _exitCode; }
    }

    /// <summary>Raised (on whichever thread ran the step) when the position or state changes.</summary>
    public event Action? Changed;

    /// <summary>Where the script stands (each front end words it, with its own keys).</summary>
    public ScriptPosition Position
    {
        get
        {
            lock (_state)
            {
                int count = _script.Lines.Count;
                return _finished || _next >= count
                    ? new ScriptPosition(Name, true, 0, 0, count)
                    : new ScriptPosition(Name, false, _script.Lines[_next].Number, _next + 1, count);
            }
        }
    }

    /// <summary>Stops after the current step.</summary>
    public void Stop()
    {
        lock (_state) _finished = true;
        Changed?.Invoke();
    }

    /// <summary>
    /// The whole-script check: every command line is expanded and parsed, every body line checked, and a saved
    /// transcript may not name a local file. Returns the first problem as <c>file:line: message</c>, or null.
    /// </summary>
    public string? Check()
    {
        var parsed = new Dictionary<int, ConsoleCommand>(_script.Lines.Count);
        var missing = _script.Variables.Where(v => !_variables.ContainsKey(v)).ToList();
        if (missing.Count > 0)
            return new ScriptSyntaxException(_script.Source, missing).Message; // front ends resolve variables first and word the remedy
        for (int i = 0; i < _script.Lines.Count; i++)
        {
            var line = _script.Lines[i];
            var where = Where(line);
            try
            {
                string text = Expand(line);
                if (line.Kind == ScriptLineKind.Body)
                {
                    if (SmtpCommandText.Problem(text) is { } problem) return ScriptMessages.At(where.ToString(), problem);
                    continue;
                }
                if (line.Kind != ScriptLineKind.Command) continue;
                var command = CommandLineParser.Parse(text);
                if (_script.IsTranscript && line.Payload is null && ReadsLocalFile(command) is { } file)
                    return ScriptMessages.TranscriptReadsLocalFile(where.ToString(), file);
                parsed[i] = command;
            }
            catch (Exception ex) when (ex is CommandSyntaxException or ScriptSyntaxException)
            {
                return ScriptMessages.At(where.ToString(), ex.Message);
            }
        }
        if (GroupProblem(parsed) is { } groupProblem) return groupProblem;
        if (ExpectationWithoutStep(parsed) is { } orphan) return orphan;
        lock (_state) _parsed = parsed;
        return null;
    }

    /// <summary>
    /// An expectation checks the reply of the step before it. After a line the server never answers (<c>/b64</c>,
    /// <c>/unb64</c>, <c>/help</c>, <c>/mx</c>) it would check an older reply, the wrong step's; first in a script with
    /// no server to connect to first, it would check nothing. Both are script errors, found before anything is sent.
    /// </summary>
    private string? ExpectationWithoutStep(Dictionary<int, ConsoleCommand> parsed)
    {
        int previous = -1;
        for (int i = 0; i < _script.Lines.Count; i++)
        {
            var line = _script.Lines[i];
            parsed.TryGetValue(i, out var command);
            if (line.Kind == ScriptLineKind.ExpectCode || command is ExpectCommand)
            {
                string where = Where(line).ToString();
                // With a server on the command line the first step is its greeting; F8 may run on a live session.
                if (previous < 0 && _options.Target is null && !_runner.Session.IsConnected)
                    return ScriptMessages.ExpectNothingBefore(where);
                if (previous >= 0 && parsed.GetValueOrDefault(previous) is Base64EncodeCommand or Base64DecodeCommand or HelpCommand or MxCommand)
                    return ScriptMessages.ExpectAfterNoReply(where, HelperWord(_script.Lines[previous].Text));
                continue;
            }
            if (command is CommentCommand) continue;
            previous = i;
        }
        return null;
    }

    /// <summary>The runner's /pipeline rules applied before anything is sent: at run time the lines before the group would already be on the wire.</summary>
    private string? GroupProblem(Dictionary<int, ConsoleCommand> parsed)
    {
        bool inGroup = false;
        string? previous = null;
        for (int i = 0; i < _script.Lines.Count; i++)
        {
            if (!parsed.TryGetValue(i, out var command)) continue;
            if (!inGroup)
            {
                inGroup = command is PipelineStartCommand;
                previous = null;
                continue;
            }
            if (command is PipelineEndCommand)
            {
                inGroup = false;
                continue;
            }
            if (PipelineGroupRules.Problem(previous, command, out string? verb) is { } problem) return ScriptMessages.At(Where(_script.Lines[i]).ToString(), problem);
            if (command is RawCommand) previous = verb;
        }
        return null;
    }

    /// <summary>Runs every remaining step, then closes the connection (QUIT when idle) and returns the exit code.</summary>
    public async Task<int> RunToEndAsync(CancellationToken ct = default)
    {
        if (_parsed is null && Check() is { } problem)
        {
            _runner.Session.Transcript.Error(problem);
            _runner.Session.Transcript.Info(ScriptMessages.StoppedBeforeConnecting);
            return ExitCodes.UsageError;
        }
        while (!IsFinished)
        {
            ct.ThrowIfCancellationRequested();
            await StepCoreAsync(ct).ConfigureAwait(false);
        }
        return await EndAsync(ExitCode, ct).ConfigureAwait(false);
    }

    /// <summary>Runs the next step (a line and the expectations attached to it). Never throws for server behaviour.</summary>
    public Task<StepOutcome> StepAsync(CancellationToken ct = default) => StepCoreAsync(ct).AsTask();

    // A ValueTask: most steps of a long script finish without waiting (a line collected into a pipelined group), and
    // RunToEndAsync then needs no Task per line.
    private async ValueTask<StepOutcome> StepCoreAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        Interlocked.Exchange(ref _running, 1);
        try
        {
            if (IsFinished) return StepOutcome.Ok();
            if (_parsed is null && Check() is { } problem)
            {
                _runner.Session.Transcript.Error(problem);
                return Finish(ExitCodes.UsageError, StepOutcome.Usage(problem));
            }
            if (!_started)
            {
                _started = true;
                if (_options.Target is { } target && !ScriptConnectsFirst())
                {
                    var connected = await _runner.ConnectToAsync(target, ct).ConfigureAwait(false);
                    return Conclude(connected, null, Place.Of(ScriptMessages.ConnectingTo(_script.Source, target.Host, target.Port.ToString(CultureInfo.InvariantCulture))), ownsReply: true);
                }
            }
            int index;
            lock (_state)
            {
                index = _next;
                if (index >= _script.Lines.Count)
                {
                    _finished = true;
                    return StepOutcome.Ok();
                }
                _next = index + 1;
            }
            var line = _script.Lines[index];
            var where = Where(line);
            switch (line.Kind)
            {
                case ScriptLineKind.ExpectCode:
                    return Conclude(StepOutcome.Ok(_runner.LastResult), null, where, ownsReply: false, firstExpectation: index);
                case ScriptLineKind.Body:
                    return await BodyAsync(line, where, ct).ConfigureAwait(false);
            }
            var command = _parsed![index];
            if (command is ExpectCommand)
            {
                if (_runner.Mode == RunnerMode.Pipeline) return Fail(ExitCodes.UsageError, ScriptMessages.ExpectInsidePipeline(where.ToString()));
                return Conclude(StepOutcome.Ok(_runner.LastResult), null, where, ownsReply: false, firstExpectation: index);
            }
            StepOutcome outcome;
            if (command is ConnectCommand connect && _options.Target is not null)
            {
                var options = await RedirectAsync(connect, ct).ConfigureAwait(false);
                if (options is null) return Fail(ExitCodes.UsageError, ScriptMessages.NoSuchTarget(where.ToString(), line.Text.Trim()));
                _runner.Session.Transcript.Info(ScriptMessages.ConnectRedirected(where.ToString(), line.Text.Trim(), options.Host, options.Port.ToString(CultureInfo.InvariantCulture)));
                outcome = await _runner.ConnectToAsync(options, ct).ConfigureAwait(false);
            }
            else if (line.Payload is { } payload)
            {
                ConsoleCommand inline = command switch
                {
                    DataCommand data => data with { Inline = payload },
                    BdatCommand bdat => bdat with { Inline = payload },
                    _ => command,
                };
                outcome = await _runner.ExecuteAsync(inline, ct).ConfigureAwait(false);
            }
            else
            {
                // Check parsed this very text (the variables do not change during a run).
                outcome = await _runner.ExecuteAsync(Expand(line), command, ct).ConfigureAwait(false);
            }
            var group = command is PipelineEndCommand ? _runner.LastGroupResults : null;
            bool raw = command is RawCommand;
            // /quit is judged like the QUIT it sends: the runner takes any reply to it as the end of the session.
            return Conclude(outcome, group, where, ownsReply: raw || command is not (CommentCommand or PipelineStartCommand or Base64EncodeCommand or Base64DecodeCommand or HelpCommand or MxCommand), rawLine: raw || command is QuitCommand);
        }
        finally
        {
            Interlocked.Exchange(ref _running, 0);
            _gate.Release();
            Changed?.Invoke();
        }
    }

    private async Task<StepOutcome> BodyAsync(ScriptLine line, Place where, CancellationToken ct)
    {
        string text = Expand(line);
        if (_runner.Mode != RunnerMode.DataBody)
        {
            // Body mode starts only after a 354: the DATA was refused (and an /expect allowed it), so nothing is sent.
            if (!_bodySkipped) _runner.Session.Transcript.Info(ScriptMessages.BodyNotSent(where.ToString()));
            _bodySkipped = text != ".";
            return text == "." ? Conclude(StepOutcome.Ok(_runner.LastResult), null, where, ownsReply: false) : StepOutcome.Ok();
        }
        var outcome = await _runner.ExecuteAsync(text, null, ct).ConfigureAwait(false);
        return text == "." ? Conclude(outcome, null, where, ownsReply: true) : Conclude(outcome, null, where, ownsReply: false, takeExpectations: false);
    }

    /// <summary>
    /// Judges a step: the expectation lines right after it decide; without them a refusal (4xx/5xx, a malformed
    /// reply, a helper the server refused) fails the run. Then the exit code, the end of the run, a closed connection.
    /// </summary>
    private StepOutcome Conclude(StepOutcome outcome, IReadOnlyList<CommandResult>? group, Place where, bool ownsReply, bool rawLine = false, int? firstExpectation = null, bool takeExpectations = true)
    {
        // One list for every step (steps run one at a time, under _gate): a 10,000-line group made one per line.
        var expectations = _expectations;
        expectations.Clear();
        if (firstExpectation is { } first) expectations.Add((_script.Lines[first], SpecOf(first)));
        if (takeExpectations && _runner.Mode != RunnerMode.Pipeline)
        {
            lock (_state)
            {
                while (_next < _script.Lines.Count && IsExpectation(_next))
                {
                    expectations.Add((_script.Lines[_next], SpecOf(_next)));
                    _next++;
                }
            }
        }

        int code = ExitCodes.Success;
        string? message = null;
        switch (outcome.Status)
        {
            case StepStatus.UsageError:
                message = ScriptMessages.At(where.ToString(), outcome.Message ?? ScriptMessages.DefaultScriptError);
                _runner.Session.Transcript.Error(message);
                code = ExitCodes.UsageError;
                break;
            case StepStatus.ConnectionFailed:
                message = ScriptMessages.At(where.ToString(), outcome.Message ?? ScriptMessages.DefaultConnectionFailed);
                code = ExitCodes.ConnectionFailed;
                break;
            default:
                if (group is { Count: > 0 })
                {
                    for (int k = 0; k < group.Count; k++)
                    {
                        var result = group[k];
                        if (k < expectations.Count)
                        {
                            if (_runner.Expect(expectations[k].Spec, result, Where(expectations[k].Line).ToString()).Status != StepStatus.Ok) code = ExitCodes.ExpectationFailed;
                        }
                        else if (Refusal(result.Reply) is { } refusal)
                        {
                            message = ScriptMessages.GroupCommandRefused(where.ToString(), k + 1, refusal);
                            RecordFailure(message);
                            code = ExitCodes.ExpectationFailed;
                        }
                    }
                    for (int k = group.Count; k < expectations.Count; k++)
                        if (_runner.Expect(expectations[k].Spec, null, Where(expectations[k].Line).ToString()).Status != StepStatus.Ok) code = ExitCodes.ExpectationFailed;
                    if (outcome.Status == StepStatus.Failed && code == ExitCodes.Success)
                    {
                        message = ScriptMessages.StepFailed(where.ToString(), outcome.Message ?? ScriptMessages.NoReply);
                        _runner.Session.Transcript.Error(message);
                        code = ExitCodes.ExpectationFailed;
                    }
                }
                else if (expectations.Count > 0)
                {
                    var result = ownsReply ? outcome.Result : outcome.Result ?? _runner.LastResult;
                    foreach (var (line, spec) in expectations)
                        if (_runner.Expect(spec, result, Where(line).ToString()).Status != StepStatus.Ok) code = ExitCodes.ExpectationFailed;
                }
                else if (outcome.Status != StepStatus.Ok)
                {
                    message = ScriptMessages.StepFailed(where.ToString(), outcome.Message ?? ScriptMessages.NoReply);
                    _runner.Session.Transcript.Error(message);
                    code = ExitCodes.ExpectationFailed;
                }
                else if (rawLine && Refusal(outcome.Result?.Reply) is { } refusal)
                {
                    // No /expect allows a malformed reply, so none is suggested for it.
                    message = outcome.Result!.Reply!.IsMalformed
                        ? ScriptMessages.RawMalformed(where.ToString(), refusal)
                        : ScriptMessages.RawRefused(where.ToString(), refusal, (outcome.Result.Reply.Code / 100).ToString(CultureInfo.InvariantCulture));
                    RecordFailure(message);
                    code = ExitCodes.ExpectationFailed;
                }
                break;
        }

        if (code != ExitCodes.Success)
        {
            lock (_state)
            {
                if (_exitCode == ExitCodes.Success || code > _exitCode) _exitCode = code;
                if (!_options.KeepGoing || code != ExitCodes.ExpectationFailed) _finished = true;
            }
            return new StepOutcome(code == ExitCodes.UsageError ? StepStatus.UsageError : code == ExitCodes.ConnectionFailed ? StepStatus.ConnectionFailed : StepStatus.ExpectationFailed,
                outcome.Result, message ?? ScriptMessages.ExpectationNotMet(where.ToString()));
        }
        lock (_state)
        {
            if (!_runner.Session.IsConnected && !_finished && RemainingNeedsConnection(_next))
            {
                int left = _script.Lines.Count - _next;
                string closed = ScriptMessages.ClosedEarly(where.ToString(), left.ToString(CultureInfo.InvariantCulture));
                _runner.Session.Transcript.Error(closed);
                if (_exitCode == ExitCodes.Success) _exitCode = ExitCodes.ExpectationFailed;
                _finished = true;
                return new StepOutcome(StepStatus.Failed, outcome.Result, closed);
            }
            if (_next >= _script.Lines.Count) _finished = true;
        }
        return outcome.Status == StepStatus.Ok ? outcome : StepOutcome.Ok(outcome.Result);
    }

    private void RecordFailure(string message) =>
        _runner.Session.Transcript.Record(new TranscriptEvent(TranscriptEventKind.Expect, ScriptMessages.ExpectFailed(message)) { Passed = false });

    private StepOutcome Fail(int code, string message)
    {
        _runner.Session.Transcript.Error(message);
        return Finish(code, new StepOutcome(code == ExitCodes.UsageError ? StepStatus.UsageError : StepStatus.Failed, null, message));
    }

    private StepOutcome Finish(int code, StepOutcome outcome)
    {
        lock (_state)
        {
            if (_exitCode == ExitCodes.Success || code > _exitCode) _exitCode = code;
            _finished = true;
        }
        return outcome;
    }

    private static string? Refusal(SmtpReply? reply) => reply switch
    {
        null => null,
        { IsMalformed: true } => ScriptMessages.MalformedRefusal(reply.Problem ?? string.Empty),
        { Code: >= 400 } => $"{reply.Code} {reply.Text}",
        _ => null,
    };

    private async Task<int> EndAsync(int exitCode, CancellationToken ct)
    {
        if (_runner.Session.IsConnected)
        {
            if (_runner.Mode == RunnerMode.Command) await _runner.Session.QuitAsync(ct).ConfigureAwait(false);
            else await _runner.Session.DisconnectAsync(ScriptMessages.ClosingMidScript).ConfigureAwait(false);
        }
        string verdict = exitCode switch
        {
            ExitCodes.Success => ScriptMessages.Finished,
            ExitCodes.ExpectationFailed => ScriptMessages.FailedVerdict,
            ExitCodes.UsageError => ScriptMessages.UsageVerdict,
            _ => ScriptMessages.ConnectionVerdict,
        };
        _runner.Session.Transcript.Info(verdict);
        return exitCode;
    }

    /// <summary>A script <c>/connect</c> sent to the command line's target: the address always; the mode and port only when given.</summary>
    private async Task<ConnectOptions?> RedirectAsync(ConnectCommand connect, CancellationToken ct)
    {
        var target = _options.Target!;
        if (!_options.KeepScriptSecurity && !_options.KeepScriptPort) return target;
        var recorded = await _runner.ResolveTargetAsync(connect, ct).ConfigureAwait(false);
        if (recorded is null) return target;
        return target with
        {
            Security = _options.KeepScriptSecurity ? recorded.Security : target.Security,
            Port = _options.KeepScriptPort ? recorded.Port : target.Port,
        };
    }

    private bool ScriptConnectsFirst()
    {
        for (int i = 0; i < _script.Lines.Count; i++)
        {
            if (_parsed!.TryGetValue(i, out var command) && command is CommentCommand) continue;
            return _parsed.TryGetValue(i, out var first) && first is ConnectCommand;
        }
        return false;
    }

    private bool IsExpectation(int index)
    {
        var line = _script.Lines[index];
        return line.Kind == ScriptLineKind.ExpectCode || (line.Kind == ScriptLineKind.Command && _parsed!.GetValueOrDefault(index) is ExpectCommand);
    }

    private ExpectationSpec SpecOf(int index)
    {
        var line = _script.Lines[index];
        return line.Kind == ScriptLineKind.ExpectCode ? ExpectationSpec.Parse(line.ExpectedCode!) : ((ExpectCommand)_parsed![index]).Spec;
    }

    private bool RemainingNeedsConnection(int from)
    {
        for (int j = from; j < _script.Lines.Count; j++)
        {
            if (_script.Lines[j].Kind == ScriptLineKind.ExpectCode) continue;
            if (_script.Lines[j].Kind != ScriptLineKind.Command) return true;
            switch (_parsed!.GetValueOrDefault(j))
            {
                case ConnectCommand:
                    return false;
                case ExpectCommand or QuitCommand or CommentCommand or Base64EncodeCommand or Base64DecodeCommand or HelpCommand or MxCommand:
                    continue;
                case RawCommand raw when SmtpCommandText.Verb(raw.Line) == "QUIT":
                    continue;
                default:
                    return true;
            }
        }
        return false;
    }

    /// <summary>Only the helper's name: its argument may be a secret (<c>/b64 PASSWORD</c>).</summary>
    private static string HelperWord(string text) => text.Trim().Split((char[])[' ', '\t'], 2)[0];

    private Place Where(ScriptLine line) => new(_script.Source, line.Number, null);

    /// <summary>
    /// <c>file:line</c> for messages, formatted only when a message is written: a step that goes well needs none, and
    /// a 10,000-line pipelined group made 20,000 of these strings for nothing.
    /// </summary>
    private readonly struct Place(string source, int number, string? text)
    {
        public static Place Of(string text) => new(text, 0, text);

        public override string ToString() => text ?? $"{source}:{number.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>In a helper line a value is one argument even when it holds spaces (a password may), so it is quoted.</summary>
    private string Expand(ScriptLine line) => line switch
    {
        { Literal: true } => line.Text,
        { Kind: ScriptLineKind.Command } when line.Text.TrimStart().StartsWith('/') => VariableResolver.ExpandAsArguments(line.Text, _variables),
        _ => VariableResolver.Expand(line.Text, _variables),
    };

    private static string? ReadsLocalFile(ConsoleCommand command) => command switch
    {
        DataCommand { File: { } file } => "@" + file,
        BdatCommand bdat => "@" + bdat.File,
        ComposeCommand { TextFile: { } text } => "@" + text,
        ComposeCommand { HtmlFile: { } html } => "@" + html,
        ComposeCommand compose when compose.Draft.Attachments.Count > 0 => "@" + compose.Draft.Attachments[0],
        _ => null,
    };
}
