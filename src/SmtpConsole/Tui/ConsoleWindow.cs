using System.Diagnostics;
using SmtpConsole.Core.Commands;
using SmtpConsole.Core.Transcript;
using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace SmtpConsole.Tui;

/// <summary>
/// The full-screen console: transcript on top, then the mode line, the prompt and input, the session status and
/// the key bar. Engine threads never touch it: what they produce (transcript events, posted work, questions,
/// published state) goes to the <see cref="UiDispatcher"/>, and <see cref="Tick"/> (on wake-up or every 50 ms, on
/// the UI thread) applies it, taking one <see cref="ScreenChanges"/> a tick.
/// </summary>
internal sealed partial class ConsoleWindow : Window
{
    private static readonly long StatusInterval = Stopwatch.Frequency / 4;

    /// <summary>Terminal.Gui 2.5.0's cap on one bracketed paste (AnsiResponseParserBase.MaxBracketedPasteLength, internal).</summary>
    private const long MaxBracketedPaste = 1024 * 1024;

    private readonly ConsoleHost _host;
    private readonly TranscriptView _transcript;
    private readonly ModeLine _modeLine;
    private readonly PromptView _prompt;
    private readonly CommandInput _input;
    private readonly StatusLine _status;
    private readonly KeyBar _keys;
    private readonly SessionTally _tally;
    private string _exitReason = "Ctrl+Q";
    private readonly List<ModalPanel> _panels = [];
    private readonly List<ScreenQuestion> _unasked = [];
    private StatusSnapshot? _statusPending;
    private ActivitySnapshot _activity = ActivitySnapshot.Idle;
    private long _lastStatus;
    private bool _quitting;
    private ScriptSteps? _script;
    private View? _focusAfterPanels;

    public ConsoleWindow(ConsoleHost host)
    {
        _host = host;
        _tally = host.State.Tally;
        bool colour = host.Options.Colour;
        var say = host.Options.Language;
        BorderStyle = LineStyle.None;
        Title = "smtpconsole";

        // The mode line takes a second row when a hint and the activity do not fit one; the transcript gives it up.
        _modeLine = new ModeLine(colour, say) { X = 0 };
        _modeLine.Y = Pos.Func(_ => Viewport.Height - 3 - ModeRows());
        _modeLine.Height = Dim.Func(_ => ModeRows());
        _transcript = new TranscriptView(host.Store, colour) { X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill(Dim.Func(_ => 3 + ModeRows())) };
        _prompt = new PromptView(colour) { X = 0, Y = Pos.AnchorEnd(3) };
        _input = new CommandInput(host.History) { Language = host.Options.Language, X = PromptView.PromptWidth, Y = Pos.AnchorEnd(3), Width = Dim.Fill() };
        _status = new StatusLine(colour) { X = 0, Y = Pos.AnchorEnd(2), Snapshot = StatusSnapshot.DisconnectedIn(say) };
        _keys = new KeyBar(
        [
            Key("F1", "Help", ShowHelp),
            Key("F2", "Connect", ShowConnect),
            Key("F3", "Details", ShowDetails),
            Key("F4", "Explain", ShowExplanation),
            Key("F7", "Save", ShowSave),
            Key("F8", "Script", ScriptKey),
            Key("F9", "Times", ToggleTimes),
            Key("F10", "Inbox", ShowInbox),
        ], Key("^Q", "Quit", () => RequestQuit("Ctrl+Q")), colour);
        KeyBarItem Key(string key, string name, Action action) => new(key, say.Say("Key." + name), say.Say("Key." + name + ".Short"), action);
        Add(_transcript, _modeLine, _prompt, _input, _status, _keys);

        _input.CompletionSource = () => new CompletionContext(host.Session.Capabilities, host.Options.ProfileNames());
        _input.Submitted += OnSubmitted;
        _input.LinesPasted += OnLinesPasted;
        _input.CancelRequested += OnCancelRequested;
        _input.TranscriptKeyPressed += OnTranscriptKey;
        _input.FocusTranscriptRequested += FocusTranscript;
        _input.HintChanged += hint => _modeLine.SetHint(hint);
        _transcript.LeaveRequested += () => _input.SetFocus();
        _transcript.DetailsRequested += ShowDetails;

    }

    public TranscriptView Transcript => _transcript;

    private int ModeRows() => _modeLine.RowsAt(Viewport.Width);

    private string Say(string key) => _host.Options.Language.Say(key);

    private string Say(string key, params object?[] args) => _host.Options.Language.Say(key, args);
    public CommandInput Input => _input;
    public ModeLine ModeLine => _modeLine;
    public PromptView Prompt => _prompt;
    public StatusLine Status => _status;
    public KeyBar Keys => _keys;

    /// <summary>The newest transcript file saved with F7, if any (named in the exit summary).</summary>
    public string? SavedTranscriptPath { get; private set; }

    /// <summary>The lines to leave on the normal screen after the console closed.</summary>
    public IReadOnlyList<string> ExitLines() => ExitSummary.Lines(_host.Log?.Path, SavedTranscriptPath, _tally, _exitReason, _host.Options.Language);

    /// <summary>Why the console is closing, for the exit summary (e.g. a signal stopped it).</summary>
    public void SetExitReason(string reason) => _exitReason = reason;

    /// <summary>The dialog on top, if any.</summary>
    public ModalPanel? TopPanel => _panels.Count > 0 ? _panels[^1] : null;

    /// <summary>True once the user asked to quit (the app stops after QUIT).</summary>
    public bool QuitRequested => _quitting;

    /// <summary>
    /// Applies what engine threads produced since the last tick, taken as one <see cref="ScreenChanges"/>: posted
    /// actions, questions, new transcript events, mode, progress, activity and (at most 4 times a second) the status
    /// line. Runs on the UI thread.
    /// </summary>
    public void Tick() => Apply(_host.Dispatcher.TakeChanges());

    /// <summary>Like <see cref="Tick"/>, but redraws all state regardless of the rate limit (tests, start-up).</summary>
    public void Pump()
    {
        _lastStatus = 0;
        Apply(_host.Dispatcher.TakeChanges(everything: true));
    }

    private void Apply(ScreenChanges changes)
    {
        foreach (var action in changes.Actions) action();
        _unasked.AddRange(changes.Questions);
        if (_unasked.Count > 0 && App is not null)
        {
            // Asked in order once the window runs (a question that came before it did waits for it, it is not lost).
            foreach (var question in _unasked) Ask(question);
            _unasked.Clear();
        }
        if (changes.Events.Count > 0)
        {
            int evicted = 0;
            foreach (var e in changes.Events) evicted += _host.Store.Append(e);
            _transcript.OnStoreChanged(evicted);
        }
        if (changes.Mode is { } mode) ApplyMode(mode);
        if (changes.Progress is { } progress) _modeLine.SetProgress(progress);
        if (changes.Activity is { } activity)
        {
            _activity = activity;
            UpdateActivity();
        }
        _statusPending = changes.Status ?? _statusPending; // held over until the rate limit lets it through
        long now = Stopwatch.GetTimestamp();
        if (_statusPending is { } status && now - _lastStatus >= StatusInterval)
        {
            _statusPending = null;
            _lastStatus = now;
            _status.Snapshot = status;
        }
        CloseSettledPanels();
    }

    /// <summary>Opens the panel that answers an engine's question, unless the question was withdrawn before it got here.</summary>
    private void Ask(ScreenQuestion question)
    {
        if (question.IsSettled) return;
        var say = _host.Options.Language;
        switch (question)
        {
            case SecretQuestion secret:
                OpenPanel(new SecretPromptPanel(secret.Prompt, secret.Answer, OnLinesPastedIntoSecret, say));
                break;
            case ConsentQuestion consent:
                OpenPanel(new ConfirmPanel(say.Say("Confirm.PlaintextTitle"), consent.Question, say.Say("Confirm.SendAnyway"), consent.Answer, say));
                break;
        }
    }

    protected override void OnIsModalChanged(bool newIsModal)
    {
        base.OnIsModalChanged(newIsModal);
        if (!newIsModal) return;
        // At start typing goes to the command line; back from a dialog, to wherever the user was (e.g. browsing the transcript).
        (_focusAfterPanels ?? _input).SetFocus();
        _focusAfterPanels = null;
    }

    private void OnSubmitted(string line)
    {
        var controller = _host.Controller;
        bool body = _host.Runner.Mode == RunnerMode.DataBody;
        // An empty line matters in a message body (it separates headers from the body); elsewhere it does nothing.
        if (line.Length == 0 && !body && controller.IsIdle) return;
        if (!body && QuitWord(line) is { } word)
        {
            RequestQuit(word);
            return;
        }
        if (!_transcript.Follow) _transcript.ScrollToEnd();
        _modeLine.SetHint(null); // "cancelled", "pasted …" and the like are about the previous line
        controller.Submit(line);
    }

    /// <summary>A multi-line paste: each line is queued as if typed and sent with Enter (empty lines too: in a body they matter).</summary>
    private void OnLinesPasted(IReadOnlyList<string> lines)
    {
        if (_input.LastPasteLength >= MaxBracketedPaste)
        {
            // Terminal.Gui keeps the first 1 MiB of a bracketed paste and drops the rest: say so rather than send a cut message.
            _host.Recorder.Warn(Say("Paste.Truncated", MaxBracketedPaste / 1048576, lines.Count));
        }
        if (!_transcript.Follow) _transcript.ScrollToEnd();
        var controller = _host.Controller;
        foreach (string line in lines) controller.Submit(line);
        _modeLine.SetHint(Say("Hint.Pasted", lines.Count));
    }

    /// <summary>Lines pasted into a secret prompt are not a secret: they wait in the queue behind the step that asked.</summary>
    private void OnLinesPastedIntoSecret(IReadOnlyList<string> lines)
    {
        OnLinesPasted(lines);
        _modeLine.SetHint(Say("Hint.PastedIntoSecret", lines.Count));
    }

    private void OnCancelRequested()
    {
        if (!_host.Controller.IsIdle)
        {
            _host.Controller.CancelPending();
            _modeLine.SetHint(Say("Hint.Cancelled"));
            return;
        }
        if (_script is { IsFinished: false })
        {
            _script.Stop();
            _host.Recorder.Info($"script {_script.Name}: stopped");
            _script = null;
            _modeLine.SetScript(null);
            return;
        }
        // Ctrl+C on an empty line is often a reach for "quit": say how instead of doing nothing visible.
        _modeLine.SetHint(string.IsNullOrEmpty(_input.Text) ? Say("Hint.HowToQuit") : null);
        _input.SetLine(string.Empty);
    }

    /// <summary>
    /// "/quit" and "/exit" always end the console (politely: QUIT first when connected). A bare "quit" ends it only
    /// when there is no server to send QUIT to; connected, it is the SMTP command and goes on the wire.
    /// </summary>
    private string? QuitWord(string line)
    {
        string word = line.Trim();
        if (word.Equals("/quit", StringComparison.OrdinalIgnoreCase) || word.Equals("/exit", StringComparison.OrdinalIgnoreCase)) return word.ToLowerInvariant();
        if ((word.Equals("quit", StringComparison.OrdinalIgnoreCase) || word.Equals("exit", StringComparison.OrdinalIgnoreCase)) && !_host.Session.IsConnected) return word.ToLowerInvariant();
        return null;
    }

    private void OnTranscriptKey(TranscriptKey key)
    {
        switch (key)
        {
            case TranscriptKey.PageUp: _transcript.PageUp(); break;
            case TranscriptKey.PageDown: _transcript.PageDown(); break;
            case TranscriptKey.Top: _transcript.ScrollToTop(); break;
            default: _transcript.ScrollToEnd(); break;
        }
    }

    private void FocusTranscript()
    {
        _transcript.SetFocus();
        if (_transcript.SelectedRow < 0 && _host.Store.RowCount > 0)
            _transcript.Select(_transcript.LastVisibleRow >= 0 ? _transcript.LastVisibleRow : _host.Store.RowCount - 1);
    }

    private void ApplyMode(RunnerMode mode)
    {
        _prompt.Mode = mode;
        _modeLine.SetMode(mode);
        _input.CompletionEnabled = mode != RunnerMode.DataBody;
    }

    private void UpdateActivity()
    {
        var (running, queued) = _activity;
        string? activity = running is null
            ? queued > 0 ? Say("Activity.Queued", queued) : null
            : Say("Activity.Running", running, queued > 0 ? Say("Activity.AlsoQueued", queued) : string.Empty);
        if (_quitting) activity = Say("Activity.Quitting");
        _modeLine.SetActivity(activity);
        if (_activity.IsIdle) _modeLine.SetProgress(null);
        if (_script is not null) _modeLine.SetScript(_script.Describe());
    }

    private void ToggleTimes() => _transcript.ShowTimes = !_transcript.ShowTimes;

    private void RequestQuit() => RequestQuit("Ctrl+Q");

    private void RequestQuit(string reason)
    {
        if (!_quitting) _exitReason = reason;
        if (_quitting)
        {
            App?.RequestStop(this);
            return;
        }
        _quitting = true;
        // Every dialog goes first: a question is answered "no", a secret prompt gives nothing, so the step behind it
        // ends and QUIT can go out.
        for (int i = _panels.Count - 1; i >= 0; i--) _panels[i].Cancel();
        _host.Dispatcher.MarkActivityChanged();
        var controller = _host.Controller;
        var dispatcher = _host.Dispatcher;
        _ = Task.Run(async () =>
        {
            await controller.QuitAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
            dispatcher.Post(() => App?.RequestStop(this));
        });
    }
}
