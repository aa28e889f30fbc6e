using SmtpConsole.Core.Commands;
using SmtpConsole.Core.Messages;
using SmtpConsole.Core.Session;
using SmtpConsole.Core.Transcript;

namespace SmtpConsole.App;

/// <summary>
/// Wires one console together: recorder → (session log, the UI dispatcher), session, runner, the step queue,
/// history, the transcript store and the publisher of the engine's state: everything a console window shows, without
/// the window (<c>Tui/ConsoleWindow</c> takes a host). The same wiring runs in the app and in the headless tests.
/// </summary>
internal sealed class ConsoleHost : IAsyncDisposable
{
    private ConsoleHost(ConsoleHostOptions options)
    {
        Options = options;
        Dispatcher = new UiDispatcher();
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
        Dispatcher.Attach(Recorder);
        Session = new SmtpSession(Recorder);
        Store = new TranscriptStore(options.MaxTranscriptEvents, e => ReplyWording.HintRow(e, options.Language));
        History = options.PersistHistory ? CommandHistory.Load(DataDirectory.HistoryFile(options.DataDirectory)) : CommandHistory.InMemory();
        Interaction = new TuiInteraction(Dispatcher);
        Runner = new CommandRunner(Session, Interaction, options.RunnerSettings);
        Controller = new SessionController(Runner, History);
        State = new ScreenStatePublisher(Dispatcher, Controller, options.Language);
    }

    public ConsoleHostOptions Options { get; }
    public UiDispatcher Dispatcher { get; }
    public TranscriptRecorder Recorder { get; }
    public TranscriptFileSink? Log { get; }
    public string? LogProblem { get; }
    public TranscriptStore Store { get; }
    public CommandHistory History { get; }
    public SmtpSession Session { get; }
    public TuiInteraction Interaction { get; }
    public CommandRunner Runner { get; }
    public SessionController Controller { get; }
    public ScreenStatePublisher State { get; }

    public static ConsoleHost Create(ConsoleHostOptions options) => new(options);

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
