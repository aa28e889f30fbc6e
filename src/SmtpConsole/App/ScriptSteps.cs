using System.Globalization;
using SmtpConsole.Core.Commands;
using SmtpConsole.Core.Scripts;

namespace SmtpConsole.App;

/// <summary>
/// F8: feeds the Core <see cref="ScriptStepper"/> (the same engine as <c>smtpconsole replay</c>) through the session's
/// queue, one step per F8 or all the rest. It holds no script semantics of its own: it only queues steps and reports.
/// </summary>
internal sealed class ScriptSteps
{
    private readonly SessionController _controller;
    private readonly ScriptStepper _stepper;
    private int _queued;

    private ScriptSteps(SessionController controller, ScriptStepper stepper)
    {
        _controller = controller;
        _stepper = stepper;
        _stepper.Changed += () => Changed?.Invoke();
    }

    public string Name => _stepper.Name;

    public bool IsFinished => _stepper.IsFinished;

    public bool IsRunning => Volatile.Read(ref _queued) == 1 || _stepper.IsRunning;

    /// <summary>Raised (on a worker thread) when the position or state changes.</summary>
    public event Action? Changed;

    /// <summary>For the mode line: where the script is and what the console's keys do with it.</summary>
    public string Describe()
    {
        var at = _stepper.Position;
        return at.Finished
            ? $"script {at.Name}: finished"
            : string.Create(CultureInfo.InvariantCulture, $"script {at.Name}: next is line {at.NextLineNumber} ({at.NextStep}/{at.StepCount}) · F8 step · Shift+F8 rest · Esc stops");
    }

    /// <summary>Reads a script, collects values for its variables (SMTPCONSOLE_NAME, else a masked prompt) and checks all of it before anything is sent.</summary>
    public static async Task<ScriptSteps?> LoadAsync(string path, SessionController controller, IConsoleInteraction interaction, CancellationToken ct)
    {
        var recorder = controller.Recorder;
        try
        {
            var script = ScriptReader.Read(await ScriptText.ReadFileAsync(path, ct).ConfigureAwait(false), path);
            var values = await new VariableResolver(new Dictionary<string, string>())
                .ResolveAllAsync(script.Variables, Path.GetFileName(path), name => interaction.PromptSecretAsync($"Value for ${{{name}}} in {Path.GetFileName(path)}", ct)).ConfigureAwait(false);
            var stepper = new ScriptStepper(controller.Runner, script, values);
            if (stepper.Check() is { } problem)
            {
                recorder.Error($"script not started: {problem}");
                return null;
            }
            recorder.Info($"script {path}: {script.Lines.Count} line(s){(script.IsTranscript ? " (a saved transcript: S: lines are checked as expectations)" : string.Empty)}");
            return new ScriptSteps(controller, stepper);
        }
        catch (ScriptSyntaxException ex) when (ex.MissingVariables.Count > 0)
        {
            recorder.Error($"cannot open the script: {TuiRemedies.Describe(ex)}");
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ScriptSyntaxException)
        {
            recorder.Error($"cannot open the script: {ex.Message}");
            return null;
        }
    }

    /// <summary>Queues the next step; returns false when the script is finished or a step is already queued.</summary>
    public bool Step()
    {
        if (IsFinished || Interlocked.CompareExchange(ref _queued, 1, 0) != 0) return false;
        _ = RunAsync(1);
        return true;
    }

    /// <summary>Runs the remaining steps one after the other, stopping at the first failure.</summary>
    public void RunRest()
    {
        if (IsFinished || Interlocked.CompareExchange(ref _queued, 1, 0) != 0) return;
        _ = RunAsync(int.MaxValue);
    }

    /// <summary>Stops after the current step.</summary>
    public void Stop() => _stepper.Stop();

    private async Task RunAsync(int count)
    {
        Changed?.Invoke();
        try
        {
            for (int n = 0; n < count && !_stepper.IsFinished; n++)
            {
                var step = _controller.Submit($"script {Name}", ct => _stepper.StepAsync(ct));
                var outcome = await step.Done.Task.ConfigureAwait(false);
                if (outcome is null || outcome.Status != StepStatus.Ok)
                {
                    _controller.Recorder.Error($"script {Name} stopped{(outcome?.Message is { } m ? ": " + m : string.Empty)}");
                    _stepper.Stop();
                    break;
                }
            }
            if (_stepper.IsFinished && _stepper.ExitCode == ExitCodes.Success) _controller.Recorder.Info($"script {Name}: done");
        }
        finally
        {
            Volatile.Write(ref _queued, 0);
            Changed?.Invoke();
        }
    }
}
