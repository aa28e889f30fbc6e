using SmtpConsole.Core.Commands;
using SmtpConsole.Core.Messages;
using SmtpConsole.Core.Session;
using SmtpConsole.Core.Transcript;

namespace SmtpConsole.Tui;

/// <summary>
/// Wires one console together: recorder → (session log, screen feed), session, runner, the step queue, history,
/// the transcript store, and the window. The same wiring runs in the app and in the headless tests.
/// </summary>
internal sealed class ConsoleHost : IAsyncDisposable
{
    private ConsoleHost(ConsoleHostOptions options)
    {
        Options = options;
        Dispatcher = new UiDispatcher();
        Feed = new TranscriptFeed();
        Recorder = new TranscriptRecorder(options.Time);
        if (options.LogHost is { } host)
        {
            try
            {
                Log = SessionLog.Open(options.DataDirectory, options.Time.GetUtcNow(), host, options.MaxSessionLogBytes);
                Recorder.AddSink(Log);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                LogProblem = options.Language.Say("NoSessionLog", DataDirectory.SessionsFolder(options.DataDirectory), ex.Message);
            }
        }
        Recorder.AddSink(Feed);
        Session = new SmtpSession(Recorder);
        Store = new TranscriptStore(options.MaxTranscriptEvents, e => ReplyWording.HintRow(e, options.Language));
        History = options.PersistHistory ? CommandHistory.Load(DataDirectory.HistoryFile(options.DataDirectory)) : CommandHistory.InMemory();
        Interaction = new TuiInteraction(Dispatcher);
        Runner = new CommandRunner(Session, Interaction, options.RunnerSettings);
        Controller = new SessionController(Runner, History);
    }

    public ConsoleHostOptions Options { get; }
    public UiDispatcher Dispatcher { get; }
    public TranscriptFeed Feed { get; }
    public TranscriptRecorder Recorder { get; }
    public TranscriptFileSink? Log { get; }
    public string? LogProblem { get; }
    public TranscriptStore Store { get; }
    public CommandHistory History { get; }
    public SmtpSession Session { get; }
    public TuiInteraction Interaction { get; }
    public CommandRunner Runner { get; }
    public SessionController Controller { get; }

    public static ConsoleHost Create(ConsoleHostOptions options) => new(options);

    public ConsoleWindow CreateWindow() => new(this);

    /// <summary>Queues a connection to fully resolved options, shown as a replayable <c>/connect</c> block.</summary>
    public PendingStep Connect(ConnectOptions options) =>
        Controller.Submit($"/connect {options.Host} {options.Port}", ct => Runner.ConnectToAsync(options, ct));

    public async ValueTask DisposeAsync()
    {
        await Controller.DisposeAsync().ConfigureAwait(false);
        if (Log is not null)
        {
            Recorder.RemoveSink(Log);
            Log.Dispose();
        }
    }
}
