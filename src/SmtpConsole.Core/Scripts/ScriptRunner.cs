using SmtpConsole.Core.Commands;

namespace SmtpConsole.Core.Scripts;

/// <summary>Runs a whole script headless through the one <see cref="ScriptStepper"/> and returns the exit code.</summary>
public sealed class ScriptRunner
{
    private readonly CommandRunner _runner;

    public ScriptRunner(CommandRunner runner)
    {
        _runner = runner;
    }

    public Task<int> RunAsync(ScriptDocument script, IReadOnlyDictionary<string, string> variables, ScriptRunOptions options, CancellationToken ct = default) =>
        new ScriptStepper(_runner, script, variables, options).RunToEndAsync(ct);
}
