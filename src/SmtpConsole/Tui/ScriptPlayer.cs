using System.Globalization;
using SmtpConsole.Core.Commands;
using SmtpConsole.Core.Protocol;
using SmtpConsole.Core.Scripts;
using SmtpConsole.Core.Transcript;

namespace SmtpConsole.Tui;

/// <summary>
/// Replays a script (or a saved transcript) through the session's queue, all at once or one line per F8. Lines run
/// exactly like typed ones but never reach the history (a script's <c>${PASSWORD}</c> is expanded). As in
/// <c>smtpconsole replay</c>, a raw line answered 4xx/5xx stops the run unless the next line expects it.
/// </summary>
internal sealed class ScriptPlayer
{
    private readonly SessionController _controller;
    private readonly ScriptDocument _script;
    private readonly IReadOnlyDictionary<string, string> _variables;
    private int _next;
    private bool _running;

    public ScriptPlayer(SessionController controller, ScriptDocument script, IReadOnlyDictionary<string, string> variables)
    {
        _controller = controller;
        _script = script;
        _variables = variables;
    }

    public string Name => Path.GetFileName(_script.Source);

    public bool IsFinished => _next >= _script.Lines.Count;

    public bool IsRunning => _running;

    /// <summary>Raised (on a worker thread) when the position or state changes.</summary>
    public event Action? Changed;

    /// <summary>For the mode line: <c>script x.txt 3/12</c> and what the keys do.</summary>
    public string Describe() => IsFinished
        ? $"script {Name}: finished"
        : $"script {Name}: next is line {_script.Lines[_next].Number.ToString(CultureInfo.InvariantCulture)} ({(_next + 1).ToString(CultureInfo.InvariantCulture)}/{_script.Lines.Count.ToString(CultureInfo.InvariantCulture)}) · F8 step · Shift+F8 rest · Esc stops";

    /// <summary>Reads a script file and collects values for its variables: SMTPCONSOLE_NAME, else a masked prompt.</summary>
    public static async Task<ScriptPlayer?> LoadAsync(string path, SessionController controller, IConsoleInteraction interaction, CancellationToken ct)
    {
        var recorder = controller.Recorder;
        ScriptDocument script;
        try
        {
            script = ScriptReader.Read(await File.ReadAllTextAsync(path, ct).ConfigureAwait(false), path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ScriptSyntaxException)
        {
            recorder.Error($"cannot open the script: {ex.Message}");
            return null;
        }
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in script.Variables)
        {
            string? value = Environment.GetEnvironmentVariable("SMTPCONSOLE_" + name)
                            ?? await interaction.PromptSecretAsync($"Value for ${{{name}}} in {Path.GetFileName(path)}", ct).ConfigureAwait(false);
            if (value is null)
            {
                recorder.Error($"script {Path.GetFileName(path)}: no value for ${{{name}}}; not started");
                return null;
            }
            if (SmtpCommandText.Problem(value) is not null)
            {
                recorder.Error($"script {Path.GetFileName(path)}: ${{{name}}} contains CR, LF or NUL; refused");
                return null;
            }
            values[name] = value;
        }
        recorder.Info($"script {path}: {script.Lines.Count} line(s){(script.IsTranscript ? " (a saved transcript: S: lines are checked as expectations)" : string.Empty)}");
        return new ScriptPlayer(controller, script, values);
    }

    /// <summary>Queues the next line; returns false when the script is finished.</summary>
    public bool Step()
    {
        if (IsFinished || _running) return false;
        _ = RunAsync(1);
        return true;
    }

    /// <summary>Runs the remaining lines one after the other, stopping at the first failure.</summary>
    public void RunRest()
    {
        if (IsFinished || _running) return;
        _ = RunAsync(int.MaxValue);
    }

    /// <summary>Stops after the current line.</summary>
    public void Stop() => _next = _script.Lines.Count;

    private async Task RunAsync(int count)
    {
        _running = true;
        Changed?.Invoke();
        try
        {
            for (int n = 0; n < count && !IsFinished; n++)
            {
                int index = _next++;
                var step = _controller.Submit($"script line {_script.Lines[index].Number}", ct => RunLineAsync(index, ct));
                var outcome = await step.Done.Task.ConfigureAwait(false);
                Changed?.Invoke();
                if (outcome is null || outcome.Status != StepStatus.Ok)
                {
                    _controller.Recorder.Error($"script {Name} stopped at line {_script.Lines[index].Number}{(outcome?.Message is { } m ? ": " + m : string.Empty)}");
                    _next = _script.Lines.Count;
                    break;
                }
            }
            if (IsFinished) _controller.Recorder.Info($"script {Name}: done");
        }
        finally
        {
            _running = false;
            Changed?.Invoke();
        }
    }

    private async Task<StepOutcome> RunLineAsync(int index, CancellationToken ct)
    {
        var runner = _controller.Runner;
        var line = _script.Lines[index];
        string where = $"{Name}:{line.Number.ToString(CultureInfo.InvariantCulture)}";
        switch (line.Kind)
        {
            case ScriptLineKind.ExpectCode:
                return runner.Expect(ExpectationSpec.Parse(line.ExpectedCode!));
            case ScriptLineKind.Body when runner.Mode != RunnerMode.DataBody:
                _controller.Recorder.Warn($"{where}: skipped a message body line: the server did not accept DATA");
                return StepOutcome.Ok();
        }
        string text = VariableResolver.Expand(line.Text, _variables);
        var outcome = await runner.ExecuteAsync(text, ct).ConfigureAwait(false);
        bool raw = line.Kind == ScriptLineKind.Command && text.TrimStart() is { Length: > 0 } t && t[0] is not ('/' or '#');
        if (raw && outcome.Status == StepStatus.Ok && outcome.Result?.Reply is { Code: >= 400 } reply && !NextIsExpectation(index))
        {
            string message = $"{where}: expected 2xx or 3xx, got {reply.Code} {reply.Text} (add \"/expect {reply.Code / 100}xx\" after the line if this reply is intended)";
            _controller.Recorder.Record(new TranscriptEvent(TranscriptEventKind.Expect, "FAILED: " + message) { Passed = false });
            return new StepOutcome(StepStatus.ExpectationFailed, outcome.Result, message);
        }
        return outcome;
    }

    private bool NextIsExpectation(int index)
    {
        if (index + 1 >= _script.Lines.Count) return false;
        var next = _script.Lines[index + 1];
        return next.Kind == ScriptLineKind.ExpectCode
               || (next.Kind == ScriptLineKind.Command && next.Text.TrimStart().StartsWith("/expect", StringComparison.OrdinalIgnoreCase));
    }
}
