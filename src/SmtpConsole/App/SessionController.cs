using System.Threading.Channels;
using SmtpConsole.Core.Commands;
using SmtpConsole.Core.Session;
using SmtpConsole.Core.Transcript;

namespace SmtpConsole.App;

/// <summary>
/// Runs what the user typed, one step at a time and in order, on a worker off the UI thread: typing goes on while a
/// reply is pending (lines queue up), and Esc cancels only the running step. No Terminal.Gui here, so it is
/// tested on its own. Events are raised on the worker thread; the UI marshals them.
/// </summary>
internal sealed class SessionController : IAsyncDisposable
{
    private readonly Channel<PendingStep> _queue = Channel.CreateUnbounded<PendingStep>();
    private readonly CancellationTokenSource _stop = new();
    private readonly CommandHistory _history;
    private readonly Task _worker;
    private CancellationTokenSource? _currentCancellation;
    private volatile PendingStep? _current;
    private int _queued;

    public SessionController(CommandRunner runner, CommandHistory history)
    {
        Runner = runner;
        _history = history;
        _worker = Task.Run(WorkAsync);
    }

    public CommandRunner Runner { get; }

    public SmtpSession Session => Runner.Session;

    public TranscriptRecorder Recorder => Runner.Session.Transcript;

    public CommandHistory History => _history;

    /// <summary>Steps waiting behind the running one.</summary>
    public int QueuedCount => Volatile.Read(ref _queued);

    /// <summary>The running step, or null when idle.</summary>
    public PendingStep? Current => _current;

    public bool IsIdle => _current is null && QueuedCount == 0;

    /// <summary>Raised (on the worker thread) when a step starts or ends, or the queue changes.</summary>
    public event Action? ActivityChanged;

    /// <summary>Queues a line of the command language.</summary>
    public PendingStep Submit(string line, StepSource source = StepSource.Typed)
    {
        return Enqueue(new PendingStep(DisplayFor(line, source), source, line, null));
    }

    /// <summary>Queues an action that uses the session (the initial connect, a script's expectation).</summary>
    public PendingStep Submit(string display, Func<CancellationToken, Task<StepOutcome>> action) =>
        Enqueue(new PendingStep(display, StepSource.Internal, null, action));

    /// <summary>Cancels the running step and drops the queued ones; returns how many steps were affected.</summary>
    public int CancelPending()
    {
        int dropped = 0;
        while (_queue.Reader.TryRead(out var step))
        {
            Interlocked.Decrement(ref _queued);
            step.Done.TrySetResult(null);
            dropped++;
        }
        var cancellation = Volatile.Read(ref _currentCancellation);
        bool running = cancellation is not null;
        // Cancelling runs the engine's continuations inline; keep that (socket teardown included) off the UI thread.
        if (cancellation is not null) ThreadPool.QueueUserWorkItem(static c => Cancel(c), cancellation, preferLocal: false);
        if (dropped > 0) Recorder.Warn(Core.Messages.CoreMessages.Language.Say("DroppedQueued", dropped));
        if (dropped > 0 || running) ActivityChanged?.Invoke();
        return dropped + (running ? 1 : 0);
    }

    /// <summary>
    /// Ends the session politely: cancels what is pending, sends QUIT when connected (or just closes in the middle
    /// of a message body), and gives up after <paramref name="timeout"/>.
    /// </summary>
    public async Task QuitAsync(TimeSpan timeout)
    {
        CancelPending();
        if (!Session.IsConnected) return;
        var step = Submit("QUIT", async ct =>
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
            deadline.CancelAfter(timeout);
            if (Runner.Mode == RunnerMode.Command)
            {
                try
                {
                    await Session.QuitAsync(deadline.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // The server did not answer in time; closing anyway is all that is left.
                }
            }
            await Session.DisconnectAsync(Session.IsConnected ? Core.Messages.CoreMessages.Language.Say("ClosedOnExit") : null).ConfigureAwait(false);
            return StepOutcome.Ok();
        });
        // A step that ignores cancellation must not keep the console from exiting.
        await Task.WhenAny(step.Done.Task, Task.Delay(timeout + TimeSpan.FromSeconds(1))).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        CancelPending();
        _queue.Writer.TryComplete();
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _worker.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // The worker is stuck in the engine; the process is ending anyway.
        }
        await Session.DisposeAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    /// <summary>What the status may show for a queued line: anything that could be a secret or body text is summarised.</summary>
    private string DisplayFor(string line, StepSource source)
    {
        string trimmed = line.Trim();
        if (source == StepSource.Script) return Core.Messages.CoreMessages.Language.Say("Activity.NextScriptLine");
        if (Runner.Mode == RunnerMode.DataBody) return Core.Messages.CoreMessages.Language.Say("Activity.BodyLine");
        if (trimmed.StartsWith('/')) return HistoryPolicy.EntryFor(trimmed, RunnerMode.Command, null) ?? trimmed.Split([' ', '\t'])[0];
        if (Runner.LastResult?.Reply?.Code == 334) return Core.Messages.CoreMessages.Language.Say("Activity.SaslResponse");
        if (Core.Sasl.AuthCommandLine.IsAuth(trimmed)) return HistoryPolicy.EntryFor(trimmed, RunnerMode.Command, null) ?? "AUTH …";
        return HistoryPolicy.EntryFor(trimmed, RunnerMode.Command, null) ?? Core.Protocol.SmtpCommandText.Verb(trimmed) + " …";
    }

    private static void Cancel(CancellationTokenSource cancellation)
    {
        try
        {
            cancellation.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The step finished in the meantime.
        }
    }

    private PendingStep Enqueue(PendingStep step)
    {
        Interlocked.Increment(ref _queued);
        if (!_queue.Writer.TryWrite(step))
        {
            Interlocked.Decrement(ref _queued);
            step.Done.TrySetResult(null);
            return step;
        }
        ActivityChanged?.Invoke();
        return step;
    }

    private async Task WorkAsync()
    {
        try
        {
            await foreach (var step in _queue.Reader.ReadAllAsync(_stop.Token).ConfigureAwait(false))
            {
                Interlocked.Decrement(ref _queued);
                await RunAsync(step).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed.
        }
    }

    private async Task RunAsync(PendingStep step)
    {
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        Volatile.Write(ref _currentCancellation, cancellation);
        _current = step;
        ActivityChanged?.Invoke();
        StepOutcome? outcome = null;
        try
        {
            if (step.Source == StepSource.Typed && HistoryPolicy.EntryFor(step.Line!, Runner.Mode, Runner.LastResult?.Reply?.Code) is { } entry)
                _history.Add(entry);
            outcome = step.Action is not null
                ? await step.Action(cancellation.Token).ConfigureAwait(false)
                : await Runner.ExecuteAsync(step.Line!, cancellation.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            Recorder.Warn(Core.Messages.RunnerMessages.Cancelled);
        }
        catch (Exception ex)
        {
            // One broken step must not end the session (not even a huge allocation that failed): the error (with its
            // type) goes to the screen and the log, and the queued lines still run.
            Recorder.Error(Core.Messages.CoreMessages.Language.Say("InternalError", step.Display, ex.GetType().Name, ex.Message));
        }
        finally
        {
            Volatile.Write(ref _currentCancellation, null);
            _current = null;
            step.Done.TrySetResult(outcome);
            ActivityChanged?.Invoke();
        }
    }
}
