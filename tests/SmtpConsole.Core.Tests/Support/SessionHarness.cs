using SmtpConsole.Core.Commands;
using SmtpConsole.Core.Session;
using SmtpConsole.Core.Transcript;

namespace SmtpConsole.Core.Tests.Support;

/// <summary>A session, its transcript and a runner wired together against a local port.</summary>
public sealed class SessionHarness : IAsyncDisposable
{
    public SessionHarness(int port, TimeSpan? replyTimeout = null, bool insecure = true, bool allowPlaintextAuth = false, IConsoleInteraction? interaction = null)
    {
        Recorder.AddSink(Sink);
        Session = new SmtpSession(Recorder);
        Options = new ConnectOptions
        {
            Host = "127.0.0.1",
            Port = port,
            ReplyTimeout = replyTimeout ?? TimeSpan.FromSeconds(5),
            ConnectTimeout = TimeSpan.FromSeconds(5),
            Insecure = insecure,
            EhloName = "client.test",
        };
        Runner = new CommandRunner(Session, interaction ?? NonInteractive.Instance, new RunnerSettings { Defaults = Options, AllowPlaintextAuth = allowPlaintextAuth });
    }

    public TranscriptRecorder Recorder { get; } = new();
    public RecordingSink Sink { get; } = new();
    public SmtpSession Session { get; }
    public CommandRunner Runner { get; }
    public ConnectOptions Options { get; }

    public Task<CommandResult> ConnectAsync(SecurityMode security = SecurityMode.Plain) => Session.ConnectAsync(Options with { Security = security });

    public async ValueTask DisposeAsync() => await Session.DisposeAsync();
}
