using SmtpConsole.Core.Messages;
using SmtpConsole.Core.Protocol;
using SmtpConsole.Core.Sasl;
using SmtpConsole.Core.Session;
using SmtpConsole.Core.Transcript;

namespace SmtpConsole.Core.Commands;

/// <summary>
/// Executes command-language lines against a session: the one interpreter behind the TUI input and scripts.
/// It is fed one line at a time and keeps the mode (commands, DATA body, pipeline group) between lines.
/// </summary>
public sealed partial class CommandRunner
{
    private readonly SmtpSession _session;
    private readonly IConsoleInteraction _interaction;
    private readonly List<string> _pipelineGroup = [];
    private string? _pipelineLastVerb; // SmtpCommandText.Verb of _pipelineGroup[^1]
    private readonly Analysis.SessionAdvisor _advisor = new();
    private string? _dataHelper;
    private CommandResult? _loginUserPrompt;

    /// <summary>The name the user last greeted with (EHLO/HELO typed or /ehlo NAME): what a bare /ehlo sends next.</summary>
    private string? _lastGreetingName;

    public CommandRunner(SmtpSession session, IConsoleInteraction interaction, RunnerSettings? settings = null)
    {
        _session = session;
        _interaction = interaction;
        Settings = settings ?? new RunnerSettings();
    }

    public RunnerSettings Settings { get; set; }

    public SmtpSession Session => _session;

    public RunnerMode Mode { get; private set; } = RunnerMode.Command;

    /// <summary>The outcome of the last line that talked to the server, which <c>/expect</c> checks.</summary>
    public CommandResult? LastResult { get; private set; }

    /// <summary>Raised when <see cref="Mode"/> changes (the TUI switches its input into body mode).</summary>
    public event Action<RunnerMode>? ModeChanged;

    /// <summary>Runs one line. Never throws for bad input or server behaviour; cancellation ends only this step.</summary>
    public Task<StepOutcome> ExecuteAsync(string line, CancellationToken ct = default) => ExecuteAsync(line, null, ct).AsTask();

    /// <summary>
    /// As <see cref="ExecuteAsync(string, CancellationToken)"/>, with <paramref name="parsed"/> the line already parsed
    /// (a script checks every line before it runs: a 10,000-line group was parsed twice). A ValueTask: a line collected
    /// into a pipelined group finishes at once, and a script then needs no Task per line.
    /// </summary>
    internal async ValueTask<StepOutcome> ExecuteAsync(string line, ConsoleCommand? parsed, CancellationToken ct)
    {
        if (Mode == RunnerMode.DataBody) return await BodyLineAsync(line, ct).ConfigureAwait(false);

        ConsoleCommand command;
        try
        {
            command = parsed ?? CommandLineParser.Parse(line);
        }
        catch (CommandSyntaxException ex)
        {
            _session.Transcript.Error(ex.Message);
            return StepOutcome.Usage(ex.Message);
        }

        if (Mode == RunnerMode.Pipeline)
            return command is PipelineEndCommand ? await EndPipelineAsync(ct).ConfigureAwait(false) : Collect(command);
        try
        {
            return await ExecuteAsync(command, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            _session.Transcript.Warn(RunnerMessages.Cancelled);
            return new StepOutcome(StepStatus.Failed, null, Messages.StepMessages.Cancelled);
        }
        catch (Exception ex) when (ex is SmtpConnectionException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            // Whatever a server does must end this step, never the program.
            _session.Transcript.Error($"{command.Display}: {ex.Message}");
            if (Mode != RunnerMode.Command) SetMode(RunnerMode.Command);
            return new StepOutcome(StepStatus.Failed, null, ex.Message);
        }
    }

    /// <summary>Runs a parsed command.</summary>
    public async Task<StepOutcome> ExecuteAsync(ConsoleCommand command, CancellationToken ct = default) => command switch
    {
        CommentCommand => StepOutcome.Ok(),
        RawCommand raw => await RawAsync(raw.Line, ct).ConfigureAwait(false),
        ConnectCommand connect => await Helper(connect, () => ConnectAsync(connect, ct)).ConfigureAwait(false),
        EhloCommand ehlo => await Helper(ehlo, () => EhloAsync(ehlo, ct)).ConfigureAwait(false),
        StartTlsCommand s => await Helper(s, () => StartTlsAsync(ct)).ConfigureAwait(false),
        AuthCommand auth => await Helper(auth, () => AuthAsync(auth, ct)).ConfigureAwait(false),
        DataCommand data => await DataAsync(data, ct).ConfigureAwait(false),
        BdatCommand bdat => await Helper(bdat, () => BdatAsync(bdat, ct)).ConfigureAwait(false),
        ComposeCommand compose => await Helper(compose, () => ComposeAsync(compose, ct)).ConfigureAwait(false),
        Base64EncodeCommand b64 => ScreenOnly(Messages.RunnerMessages.Base64Of(b64.Text, SaslPayload.Encode(b64.Text))),
        Base64DecodeCommand unb64 => Decode(unb64.Text),
        ExpectCommand expect => Expect(expect.Spec),
        PipelineStartCommand => StartPipeline(),
        PipelineEndCommand => Usage(Messages.RunnerMessages.EndWithoutPipeline),
        MxCommand mx => await MxAsync(mx.Domain, ct).ConfigureAwait(false),
        QuitCommand => await QuitAsync(ct).ConfigureAwait(false),
        HelpCommand help => Help(help.Topic),
        _ => Usage($"{command.Display}: not supported here"),
    };

    /// <summary>Checks an expectation against the last reply and records the verdict.</summary>
    public StepOutcome Expect(ExpectationSpec spec) => Expect(spec, LastResult, null);

    /// <summary>
    /// Checks an expectation against a given result (e.g. one command of a pipelined group) and records the verdict;
    /// <paramref name="where"/> (<c>file:line</c>) names the script line in the verdict.
    /// </summary>
    public StepOutcome Expect(ExpectationSpec spec, CommandResult? result, string? where)
    {
        var (passed, explanation) = spec.Evaluate(result?.Reply);
        string detail = where is null ? explanation : ScriptMessages.At(where, explanation);
        string text = passed ? ScriptMessages.ExpectPassed(detail) : ScriptMessages.ExpectFailed(detail);
        _session.Transcript.Record(new TranscriptEvent(TranscriptEventKind.Expect, text) { Passed = passed });
        return new StepOutcome(passed ? StepStatus.Ok : StepStatus.ExpectationFailed, result, detail);
    }

    /// <summary>The results of the last pipelined group, one per command in order (fewer when the connection broke).</summary>
    public IReadOnlyList<CommandResult> LastGroupResults { get; private set; } = [];

    private async Task<StepOutcome> RawAsync(string line, CancellationToken ct)
    {
        string verb = SmtpCommandText.Verb(line);
        switch (verb)
        {
            // These change the connection itself, so the typed line runs the helper that does it properly.
            case "STARTTLS" when line.Trim().Length == "STARTTLS".Length:
                return Track(await _session.StartTlsAsync(ct).ConfigureAwait(false), helper: false);
            case "QUIT" when line.Trim().Length == "QUIT".Length:
                return await QuitAsync(ct).ConfigureAwait(false);
        }

        if (verb is "EHLO" or "HELO" && SmtpCommandText.Argument(line) is { Length: > 0 } name) _lastGreetingName = name;
        var annotation = SendAnnotation.None;
        bool continuation = SaslExchangePending;
        if (continuation || AuthCommandLine.IsAuth(line))
        {
            if (!_session.IsTls && !await ConsentToPlaintextAsync(ct).ConfigureAwait(false))
                return new StepOutcome(StepStatus.Failed, null, Messages.StepMessages.CredentialsRefusedWithoutTls);
            annotation = continuation ? AnnotateContinuation(line) : AuthCommandLine.Annotate(line, _session.Capabilities.AuthMechanisms);
        }
        if (verb is "MAIL" or "RCPT") Advise(_advisor.BeforeCommand(line, _session.Capabilities, _session.AuthenticatedUser, _session.IsTls));
        var result = await _session.SendCommandAsync(line, annotation, ct).ConfigureAwait(false);
        var outcome = Track(result, helper: false);
        // Known from what was sent, never from the challenge text: only AUTH LOGIN's first 334 asks for the user name.
        _loginUserPrompt = !continuation && result.Reply?.Code == 334 && AuthCommandLine.StartsLoginWithoutInitialResponse(line) ? LastResult : null;
        if (result.Reply?.Code == 354 && verb == "DATA") EnterBody("DATA");
        if (verb == "EHLO" && result.Succeeded) Advise(_advisor.AfterEhlo(_session.Capabilities, _session.IsTls));
        return outcome;
    }

    /// <summary>The last reply was a 334 on a live connection: the next line sent answers a SASL challenge.</summary>
    private bool SaslExchangePending => LastResult?.Reply is { Code: 334 } && _session.IsConnected;

    /// <summary>
    /// A raw line answering a 334: secret, unless the console itself sent a bare <c>AUTH LOGIN</c> and this is the
    /// first answer (the user name). What the challenge says never decides: a server can word it as it likes.
    /// </summary>
    private SendAnnotation AnnotateContinuation(string line)
    {
        string trimmed = line.Trim(' ', '\t');
        if (trimmed == "*") return new SendAnnotation(false, Messages.RunnerMessages.CancelsAuth);
        if (_loginUserPrompt is not null && ReferenceEquals(_loginUserPrompt, LastResult))
        {
            var decoded = SaslPayload.Decode(trimmed);
            return new SendAnnotation(false, decoded.IsValid ? Messages.RunnerMessages.UserNameDecoded(decoded.Display) : decoded.Display);
        }
        return new SendAnnotation(true, Messages.RunnerMessages.SaslResponseHidden);
    }

    private async Task<bool> ConsentToPlaintextAsync(CancellationToken ct, string? offerProblem = null)
    {
        if (Settings.AllowPlaintextAuth) return true;
        string also = offerProblem is null ? string.Empty : Messages.RunnerMessages.PlaintextConsentAlso(offerProblem);
        bool yes = await _interaction.ConfirmPlaintextAuthAsync(
            Messages.RunnerMessages.PlaintextConsent(also), ct).ConfigureAwait(false);
        if (!yes)
        {
            _session.Transcript.Error(Messages.CoreMessages.PlaintextCredentialsRefused, Messages.Remedy.UseStartTls);
        }
        return yes;
    }

    private async Task<StepOutcome> Helper(ConsoleCommand command, Func<Task<StepOutcome>> body)
    {
        // ExactText: a saved transcript runs the helper line again, so it keeps what the neutraliser shows escaped
        // (a ZWJ emoji in a /compose subject). Display never holds a secret (/auth shows no password).
        _session.Transcript.Record(new TranscriptEvent(TranscriptEventKind.Info, command.Display) { Helper = HelperBoundary.Start, ExactText = command.Display });
        try
        {
            return await body().ConfigureAwait(false);
        }
        finally
        {
            _session.Transcript.Record(new TranscriptEvent(TranscriptEventKind.Info, HelperName(command.Display)) { Helper = HelperBoundary.End });
        }
    }

    private StepOutcome Track(CommandResult result, bool helper)
    {
        if (result.Reply is not null || result.Failure != CommandFailure.Refused) LastResult = result;
        Diagnose(result.Reply);
        if (result.IsConnectionFailure) return new StepOutcome(StepStatus.ConnectionFailed, result, result.Message);
        if (result.Failure == CommandFailure.Refused) return new StepOutcome(StepStatus.UsageError, result, result.Message);
        if (result.Failure != CommandFailure.None) return new StepOutcome(StepStatus.Failed, result, result.Message);
        if (helper && !result.Succeeded) return new StepOutcome(StepStatus.Failed, result, $"{result.Reply!.Code} {result.Reply.Text}");
        return StepOutcome.Ok(result);
    }

    private void Advise(IEnumerable<Analysis.Advice> advice)
    {
        _advisor.Rules = Settings.AdvisorRules;
        if (_session.Options?.Profile is { } profile) _advisor.Rules = _advisor.Rules with { ProviderName = profile.Name };
        foreach (var a in advice)
        {
            if (a.IsWarning) _session.Transcript.Warn(a.Text);
            else _session.Transcript.Info(a.Text);
        }
    }

    private void EnterBody(string helper)
    {
        _dataHelper = helper;
        SetMode(RunnerMode.DataBody);
        _session.Transcript.Info(RunnerMessages.DataPrompt);
    }

    private void SetMode(RunnerMode mode)
    {
        if (Mode == mode) return;
        Mode = mode;
        ModeChanged?.Invoke(mode);
    }

    private StepOutcome Info(string text)
    {
        _session.Transcript.Info(text);
        return StepOutcome.Ok();
    }

    /// <summary>/b64 and /unb64 results are often a password: shown, never saved to a file.</summary>
    private StepOutcome ScreenOnly(string text)
    {
        _session.Transcript.Record(new TranscriptEvent(TranscriptEventKind.Info, Messages.RunnerMessages.ScreenOnly(text)) { ScreenOnly = true });
        return StepOutcome.Ok();
    }

    private StepOutcome Usage(string message)
    {
        _session.Transcript.Error(message);
        return StepOutcome.Usage(message);
    }

    private StepOutcome Decode(string text)
    {
        var payload = SaslPayload.Decode(text);
        if (!payload.IsValid)
        {
            _session.Transcript.Record(new TranscriptEvent(TranscriptEventKind.Error, Messages.RunnerMessages.NotBase64Detail(text.Trim(), SaslPayloadWording.Note(payload))) { ScreenOnly = true });
            return StepOutcome.Usage(Messages.RunnerMessages.NotBase64);
        }
        return ScreenOnly(payload.Text is not null ? SaslPayloadWording.Note(payload) : Messages.RunnerMessages.DecodedBinary(payload.Bytes!.Length, SaslPayloadWording.Hex(payload)));
    }

    private static string HelperName(string display)
    {
        int space = display.IndexOf(' ');
        return space < 0 ? display : display[..space];
    }
}
