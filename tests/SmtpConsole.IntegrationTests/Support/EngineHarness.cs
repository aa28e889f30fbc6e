using SmtpConsole.Core.Commands;
using SmtpConsole.Core.Session;
using SmtpConsole.Core.Transcript;
using SmtpConsole.IntegrationTests.Infrastructure;

namespace SmtpConsole.IntegrationTests.Support;

/// <summary>The engine (session, runner, transcript) pointed at one of the local servers.</summary>
public sealed class EngineHarness : IAsyncDisposable
{
    private readonly List<TranscriptEvent> _events = [];

    public EngineHarness(LocalServers servers, int port, SecurityMode security, bool trustCa = true, bool allowPlaintextAuth = false)
    {
        Recorder.Recorded += e =>
        {
            lock (_events) _events.Add(e);
        };
        Session = new SmtpSession(Recorder);
        Options = new ConnectOptions
        {
            Host = servers.Host,
            Port = port,
            Security = security,
            CaFile = trustCa ? servers.CaFile : null,
            EhloName = "client.example.test",
            ReplyTimeout = TimeSpan.FromSeconds(20),
        };
        Runner = new CommandRunner(Session, NonInteractive.Instance, new RunnerSettings { Defaults = Options, AllowPlaintextAuth = allowPlaintextAuth });
    }

    public TranscriptRecorder Recorder { get; } = new();
    public SmtpSession Session { get; }
    public CommandRunner Runner { get; }
    public ConnectOptions Options { get; }

    public IReadOnlyList<TranscriptEvent> Events
    {
        get { lock (_events) return [.. _events]; }
    }

    public string Dump() => string.Join('\n', Events.SelectMany(e => TranscriptTextFormat.FormatLines(e)));

    /// <summary>Runs lines one by one and fails with the transcript when one does not succeed.</summary>
    public async Task RunAsync(params string[] lines)
    {
        foreach (var line in lines)
        {
            var outcome = await Runner.ExecuteAsync(line);
            if (outcome.Status != StepStatus.Ok) throw new Xunit.Sdk.XunitException($"'{line}' ended {outcome.Status}: {outcome.Message}\n{Dump()}");
        }
    }

    public async ValueTask DisposeAsync() => await Session.DisposeAsync();
}
