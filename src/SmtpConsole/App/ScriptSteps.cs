using SmtpConsole.Core.Commands;
using SmtpConsole.Core.Messages;
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

    private readonly UiLanguage _language;

    private ScriptSteps(SessionController controller, ScriptStepper stepper, UiLanguage language)
    {
        _controller = controller;
        _stepper = stepper;
        _language = language;
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
            ? _language.Say("Script.Finished", at.Name)
            : _language.Say("Script.Position", at.Name, at.NextLineNumber, at.NextStep, at.StepCount);
    }

    /// <summary>Reads a script, collects values for its variables (SMTPCONSOLE_NAME, else a masked prompt) and checks all of it before anything is sent.</summary>
    public static async Task<ScriptSteps?> LoadAsync(string path, SessionController controller, IConsoleInteraction interaction, CancellationToken ct, UiLanguage language = UiLanguage.English)
    {
        var recorder = controller.Recorder;
        try
        {
            var script = ScriptReader.Read(await ScriptText.ReadFileAsync(path, ct).ConfigureAwait(false), path);
            var values = await new VariableResolver(new Dictionary<string, string>())
                .ResolveAllAsync(script.Variables, Path.GetFileName(path), name => interaction.PromptSecretAsync(language.Say("Script.VariablePrompt", name, Path.GetFileName(path)), ct)).ConfigureAwait(false);
            var stepper = new ScriptStepper(controller.Runner, script, values);
            if (stepper.Check() is { } problem)
            {
                recorder.Error(language.Say("Script.NotStarted", problem));
                return null;
            }
            recorder.Info(language.Say(script.IsTranscript ? "Script.LoadedTranscript" : "Script.Loaded", path, script.Lines.Count));
            return new ScriptSteps(controller, stepper, language);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ScriptSyntaxException)
        {
            recorder.Error(language.Say("Script.CannotOpen", ex is ScriptSyntaxException problem ? TuiRemedies.Describe(problem, language) : ex.Message));
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
                    _controller.Recorder.Error(outcome?.Message is { } m ? _language.Say("Script.StoppedBecause", Name, m) : _language.Say("Script.Stopped", Name));
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
