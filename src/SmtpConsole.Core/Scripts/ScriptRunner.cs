using System.Globalization;
using SmtpConsole.Core.Commands;
using SmtpConsole.Core.Protocol;
using SmtpConsole.Core.Session;
using SmtpConsole.Core.Transcript;

namespace SmtpConsole.Core.Scripts;

/// <summary>
/// Replays a script through a <see cref="CommandRunner"/> and turns what happened into an exit code.
/// A raw line whose reply is 4xx/5xx fails the run unless the next line is an expectation (which then decides).
/// </summary>
public sealed class ScriptRunner
{
    private readonly CommandRunner _runner;

    public ScriptRunner(CommandRunner runner)
    {
        _runner = runner;
    }

    public async Task<int> RunAsync(ScriptDocument script, IReadOnlyDictionary<string, string> variables, ScriptRunOptions options, CancellationToken ct = default)
    {
        var transcript = _runner.Session.Transcript;
        int exitCode = ExitCodes.Success;
        // Every command line is checked before anything is sent: a typo on line 40 must not cost a half-done session.
        var parsed = new Dictionary<int, ConsoleCommand>();
        for (int i = 0; i < script.Lines.Count; i++)
        {
            var line = script.Lines[i];
            if (line.Kind != ScriptLineKind.Command) continue;
            try
            {
                parsed[i] = CommandLineParser.Parse(Expand(line, variables));
            }
            catch (Exception ex) when (ex is CommandSyntaxException or ScriptSyntaxException)
            {
                transcript.Error($"{script.Source}:{line.Number.ToString(CultureInfo.InvariantCulture)}: {ex.Message}");
                transcript.Info("replay stopped before connecting: script error (exit 2)");
                return ExitCodes.UsageError;
            }
        }
        bool scriptConnectsFirst = parsed.OrderBy(p => p.Key).Select(p => p.Value).FirstOrDefault(c => c is not CommentCommand) is ConnectCommand;
        if (options.Target is { } target && !scriptConnectsFirst)
        {
            int connected = Classify(await _runner.ConnectToAsync(target, ct).ConfigureAwait(false), null);
            if (connected != ExitCodes.Success) return await EndAsync(connected, ct).ConfigureAwait(false);
        }

        var lines = script.Lines;
        for (int i = 0; i < lines.Count; i++)
        {
            ct.ThrowIfCancellationRequested();
            var line = lines[i];
            string where = $"{script.Source}:{line.Number.ToString(CultureInfo.InvariantCulture)}";
            string text = Expand(line, variables);
            StepOutcome outcome;
            switch (line.Kind)
            {
                case ScriptLineKind.ExpectCode:
                    outcome = _runner.Expect(ExpectationSpec.Parse(line.ExpectedCode!));
                    break;
                case ScriptLineKind.Body when _runner.Mode != RunnerMode.DataBody:
                    transcript.Warn($"{where}: skipped a message body line: the server did not accept DATA");
                    continue;
                case ScriptLineKind.Body:
                    outcome = await _runner.ExecuteAsync(text, ct).ConfigureAwait(false);
                    break;
                default:
                    if (options.Target is not null && parsed.GetValueOrDefault(i) is ConnectCommand)
                    {
                        transcript.Info($"{where}: {line.Text.Trim()} goes to the target given on the command line");
                        outcome = await _runner.ConnectToAsync(options.Target, ct).ConfigureAwait(false);
                        break;
                    }
                    outcome = await _runner.ExecuteAsync(text, ct).ConfigureAwait(false);
                    if (outcome.Status == StepStatus.Ok && IsRaw(text) && !NextIsExpectation(lines, i) && outcome.Result?.Reply is { } reply && (reply.Code >= 400 || reply.IsMalformed))
                    {
                        string message = reply.IsMalformed
                            ? $"a malformed reply ({reply.Problem})"
                            : $"{reply.Code} {reply.Text} (add \"/expect {reply.Code / 100}xx\" after the line if this reply is intended)";
                        transcript.Record(new TranscriptEvent(TranscriptEventKind.Expect, $"FAILED: {where}: expected 2xx or 3xx, got {message}") { Passed = false });
                        outcome = new StepOutcome(StepStatus.ExpectationFailed, outcome.Result, message);
                    }
                    break;
            }

            int code = Classify(outcome, where);
            if (code != ExitCodes.Success)
            {
                if (exitCode == ExitCodes.Success || code > exitCode) exitCode = code;
                if (!options.KeepGoing || code != ExitCodes.ExpectationFailed) return await EndAsync(exitCode, ct).ConfigureAwait(false);
            }
            if (!_runner.Session.IsConnected && RemainingNeedsConnection(lines, i, variables))
            {
                transcript.Error($"{where}: the server closed the connection early; {lines.Count - i - 1} line(s) of the script were not run");
                return ExitCodes.ExpectationFailed;
            }
        }
        return await EndAsync(exitCode, ct).ConfigureAwait(false);
    }

    private async Task<int> EndAsync(int exitCode, CancellationToken ct)
    {
        if (_runner.Session.IsConnected)
        {
            if (_runner.Mode == RunnerMode.Command) await _runner.Session.QuitAsync(ct).ConfigureAwait(false);
            else await _runner.Session.DisconnectAsync("closing the connection in the middle of the script").ConfigureAwait(false);
        }
        string verdict = exitCode switch
        {
            ExitCodes.Success => "replay finished: all expectations met (exit 0)",
            ExitCodes.ExpectationFailed => "replay failed: an expectation was not met or the server closed early (exit 1)",
            ExitCodes.UsageError => "replay stopped: script or usage error (exit 2)",
            _ => "replay stopped: connection or TLS failure (exit 3)",
        };
        _runner.Session.Transcript.Info(verdict);
        return exitCode;
    }

    private int Classify(StepOutcome outcome, string? where)
    {
        string prefix = where is null ? string.Empty : where + ": ";
        switch (outcome.Status)
        {
            case StepStatus.Ok:
                return ExitCodes.Success;
            case StepStatus.UsageError:
                _runner.Session.Transcript.Error(prefix + (outcome.Message ?? "script error"));
                return ExitCodes.UsageError;
            case StepStatus.ConnectionFailed:
                return ExitCodes.ConnectionFailed;
            default:
                if (outcome.Status == StepStatus.Failed) _runner.Session.Transcript.Error(prefix + "step failed: " + (outcome.Message ?? "no reply"));
                return ExitCodes.ExpectationFailed;
        }
    }

    /// <summary>In a helper line a value is one argument even when it holds spaces (a password may), so it is quoted.</summary>
    private static string Expand(ScriptLine line, IReadOnlyDictionary<string, string> variables) =>
        line.Kind == ScriptLineKind.Command && line.Text.TrimStart().StartsWith('/')
            ? VariableResolver.ExpandAsArguments(line.Text, variables)
            : VariableResolver.Expand(line.Text, variables);

    private static bool IsRaw(string text)
    {
        string t = text.TrimStart();
        return t.Length > 0 && t[0] is not ('/' or '#');
    }

    private static bool NextIsExpectation(IReadOnlyList<ScriptLine> lines, int index)
    {
        int j = index + 1;
        if (j < lines.Count)
        {
            var next = lines[j];
            if (next.Kind == ScriptLineKind.ExpectCode) return true;
            return next.Kind == ScriptLineKind.Command && next.Text.TrimStart().StartsWith("/expect", StringComparison.OrdinalIgnoreCase);
        }
        return false;
    }

    private static bool RemainingNeedsConnection(IReadOnlyList<ScriptLine> lines, int index, IReadOnlyDictionary<string, string> variables)
    {
        for (int j = index + 1; j < lines.Count; j++)
        {
            if (lines[j].Kind == ScriptLineKind.ExpectCode) continue;
            if (lines[j].Kind != ScriptLineKind.Command) return true;
            string text = VariableResolver.Expand(lines[j].Text, variables).TrimStart();
            if (text.StartsWith("/connect", StringComparison.OrdinalIgnoreCase) || text.StartsWith("/open", StringComparison.OrdinalIgnoreCase)) return false;
            if (text.StartsWith("/quit", StringComparison.OrdinalIgnoreCase) || SmtpCommandText.Verb(text) == "QUIT") continue;
            if (text.StartsWith("/b64", StringComparison.OrdinalIgnoreCase) || text.StartsWith("/unb64", StringComparison.OrdinalIgnoreCase)
                || text.StartsWith("/help", StringComparison.OrdinalIgnoreCase) || text.StartsWith("/mx", StringComparison.OrdinalIgnoreCase)) continue;
            return true;
        }
        return false;
    }
}
