using SmtpConsole.Core.Commands;
using SmtpConsole.Core.Session;
using SmtpConsole.Core.Transcript;

namespace SmtpConsole.Testing;

/// <summary>The engine (session, transcript recorder and a command runner) wired together for one server.</summary>
public class EngineHarness : IAsyncDisposable
{
    public EngineHarness(ConnectOptions options, bool allowPlaintextAuth = false, IConsoleInteraction? interaction = null)
    {
        Recorder.AddSink(Sink);
        Session = new SmtpSession(Recorder);
        Options = options;
        Runner = new CommandRunner(Session, interaction ?? NonInteractive.Instance, new RunnerSettings { Defaults = Options, AllowPlaintextAuth = allowPlaintextAuth });
    }

    public TranscriptRecorder Recorder { get; } = new();
    public RecordingSink Sink { get; } = new();
    public SmtpSession Session { get; }
    public CommandRunner Runner { get; }
    public ConnectOptions Options { get; }

    /// <summary>Every transcript event so far, in order.</summary>
    public IReadOnlyList<TranscriptEvent> Events => Sink.Events;

    public string Dump() => Sink.Dump();

    public Task<CommandResult> ConnectAsync(SecurityMode security = SecurityMode.Plain) => Session.ConnectAsync(Options with { Security = security });

    /// <summary>Runs lines one by one and fails with the transcript when one does not succeed.</summary>
    public async Task RunAsync(params string[] lines)
    {
        foreach (var line in lines)
        {
            var outcome = await Runner.ExecuteAsync(line);
            if (outcome.Status != StepStatus.Ok) throw new InvalidOperationException($"'{line}' ended {outcome.Status}: {outcome.Message}\n{Dump()}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Session.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
