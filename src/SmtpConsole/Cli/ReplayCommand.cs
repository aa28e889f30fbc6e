using System.CommandLine;
using SmtpConsole.Core.Commands;
using SmtpConsole.Core.Scripts;
using SmtpConsole.Core.Session;
using SmtpConsole.Core.Messages;
using SmtpConsole.Core.Transcript;

namespace SmtpConsole.Cli;

/// <summary><c>smtpconsole replay SCRIPT</c>: runs a script or saved transcript headless and reports with an exit code.</summary>
internal sealed class ReplayCommand
{
    private readonly ConnectionArguments _connection = new();
    private readonly Argument<string> _script = new("SCRIPT") { Description = CliLanguage.Text("Cli.Replay.Script") };
    private readonly Argument<string?> _host = new("HOST") { Description = CliLanguage.Text("Cli.Replay.Host"), Arity = ArgumentArity.ZeroOrOne };
    private readonly Argument<int?> _port = new("PORT") { Description = CliLanguage.Text("Cli.Arg.PortLikeMain"), Arity = ArgumentArity.ZeroOrOne };
    private readonly Option<string[]> _vars = new("--var") { Description = CliLanguage.Text("Cli.Replay.Var"), AllowMultipleArgumentsPerToken = false };
    private readonly Option<bool> _json = new("--json") { Description = CliLanguage.Text("Cli.Replay.Json") };
    private readonly Option<string?> _transcript = new("--transcript") { Description = CliLanguage.Text("Cli.Replay.Transcript") };
    private readonly Option<bool> _allowPlaintextAuth = new("--allow-plaintext-auth") { Description = CliLanguage.Text("Cli.Replay.AllowPlaintextAuth") };
    private readonly Option<bool> _showSecrets = new("--show-secrets") { Description = CliLanguage.Text("Cli.Replay.ShowSecrets") };
    private readonly Option<bool> _keepGoing = new("--keep-going") { Description = CliLanguage.Text("Cli.Replay.KeepGoing") };

    public Command Build()
    {
        var command = new Command("replay", CliLanguage.Text("Cli.ReplayDescription")) { _script, _host, _port };
        _connection.AddTo(command);
        foreach (Option option in (Option[])[_vars, _json, _transcript, _allowPlaintextAuth, _showSecrets, _keepGoing]) command.Add(option);
        command.SetAction((result, ct) => RunAsync(result, ct));
        return command;
    }

    private async Task<int> RunAsync(ParseResult result, CancellationToken ct)
    {
        // Script and variable errors are worded when they are found, in the language of the terminal they go to.
        using var speakErrors = CoreMessages.Speak(CliLanguage.Current);
        ScriptDocument script;
        IReadOnlyDictionary<string, string> variables;
        ConnectOptions defaults;
        ConnectOptions? target;
        string? builtin;
        try
        {
            string path = result.GetValue(_script)!;
            string text = path == "-"
                ? await ScriptText.ReadStreamAsync(Console.OpenStandardInput(), "stdin", ct).ConfigureAwait(false)
                : await ReadScriptAsync(path, ct).ConfigureAwait(false);
            if (result.GetValue(_connection.Host) is { } givenHost && givenHost.Any(char.IsControl))
                throw new UsageException(CliLanguage.Text("Cli.Err.HostControlCharacter"));
            script = ScriptReader.Read(text, path == "-" ? "stdin" : path);
            var given = ParseVars(result.GetValue(_vars) ?? []);
            variables = new VariableResolver(given, prompt: TerminalPrompt.IsInteractive ? name => TerminalPrompt.ReadSecret("${" + name + "}") : null)
                .ResolveAll(script.Variables, script.Source);
            defaults = _connection.Defaults(result);
            target = ProfileTargets.Resolve(_connection, result, result.GetValue(_host), result.GetValue(_port), defaults, out builtin, given);
            if (target is null && builtin is null && !script.Lines.Any(l => l.Text.TrimStart().StartsWith("/connect", StringComparison.OrdinalIgnoreCase) || l.Text.TrimStart().StartsWith("/open", StringComparison.OrdinalIgnoreCase)))
                throw new UsageException(CliLanguage.Text("Cli.Err.ReplayNoServer"));
        }
        catch (Exception ex) when (ex is UsageException or ScriptSyntaxException or IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync("smtpconsole replay: " + (ex is ScriptSyntaxException problem ? CliRemedies.Describe(problem) : ex.Message)).ConfigureAwait(false);
            return ExitCodes.UsageError;
        }

        bool json = result.GetValue(_json);
        bool showSecrets = result.GetValue(_showSecrets);
        if (showSecrets) await Console.Error.WriteLineAsync(CliLanguage.Text("Cli.Warn.ShowSecrets")).ConfigureAwait(false);

        var recorder = new TranscriptRecorder();
        using var stdout = TranscriptOutput.Open();
        recorder.AddSink(new ConsoleTranscriptSink(stdout, json, !json && ConsoleTranscriptSink.ShouldColour(), showSecrets));
        TranscriptFileSink? file = null;
        bool jsonFile = false;
        if (result.GetValue(_transcript) is { } transcriptPath)
        {
            try
            {
                jsonFile = transcriptPath.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || transcriptPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
                file = new TranscriptFileSink(transcriptPath, jsonFile, showSecrets);
                recorder.AddSink(file);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                stdout.Flush();
                await Console.Error.WriteLineAsync("smtpconsole replay: " + CliLanguage.Format("Cli.Err.CannotWriteTranscript", transcriptPath, ex.Message)).ConfigureAwait(false);
                return ExitCodes.UsageError;
            }
        }

        // The engine's `#` lines speak the user's language on the terminal; JSON (on stdout or in the transcript
        // file) stays English so it compares across machines, so any JSON output keeps the whole run English.
        bool jsonAnywhere = json || jsonFile;
        using var speakRun = CoreMessages.Speak(jsonAnywhere ? UiLanguage.English : CliLanguage.Current);

        // --profile practice, or a transcript recorded against it (/connect practice): a fresh built-in server runs in
        // this process for the length of the replay.
        bool scriptUsesPractice = script.Lines.Any(l => l.Kind == ScriptLineKind.Command && IsPracticeConnect(l.Text));

        // Before anything touches the trust store: a --cafile session verifies against that file first (cheap);
        // the system roots are read only if it does not verify. Not with the built-in server (it loads the store).
        if (builtin is null && !scriptUsesPractice && (target?.CaFile ?? defaults.CaFile) is { } caFile) TrustStoreNarrowing.TryNarrowTo(caFile);

        await using var practice = builtin == "practice" || scriptUsesPractice ? await PracticeTarget.StartAsync(defaults, ct).ConfigureAwait(false) : null;
        if (practice is not null && builtin == "practice") target = practice.Options;
        await using var session = new SmtpSession(recorder);
        var runner = new CommandRunner(session, new TerminalInteraction(), new RunnerSettings
        {
            Defaults = defaults,
            AllowPlaintextAuth = result.GetValue(_allowPlaintextAuth),
            BaseDirectory = script.Source == "stdin" ? Environment.CurrentDirectory : Path.GetDirectoryName(Path.GetFullPath(script.Source))!,
            ResolveProfile = name => practice is not null && name.Equals(PracticeTarget.ScriptTargetName, StringComparison.OrdinalIgnoreCase)
                ? practice.Options
                : ProfileTargets.ByName(name, result.GetValue(_connection.ProfileFile), defaults),
            LookupMx = MxLookup.LookupAsync,
        });
        try
        {
            var options = new ScriptRunOptions
            {
                Target = target,
                // --host/--port change the address only; a recorded /connect keeps its mode unless --plain/--tls/--starttls is given.
                // --profile names a whole target (address, mode, port); --host alone changes the address.
                KeepScriptSecurity = _connection.Security(result) is null && result.GetValue(_connection.Profile) is null,
                // The PORT argument (`replay FILE HOST PORT`) names the port as --port does.
                KeepScriptPort = result.GetValue(_connection.Port) is null && result.GetValue(_port) is null && result.GetValue(_connection.Profile) is null,
                KeepGoing = result.GetValue(_keepGoing),
            };
            int exit = await new ScriptStepper(runner, script, variables, options).RunToEndAsync(ct).ConfigureAwait(false);
            if (file is { Incomplete: true })
            {
                // The run may have gone well, but the record the user asked for did not: never exit 0 over a lost transcript.
                await Console.Error.WriteLineAsync("smtpconsole replay: " + CliLanguage.Format("Cli.Warn.TranscriptIncomplete", file.StoppedBecause)).ConfigureAwait(false);
                if (exit < ExitCodes.UsageError) exit = ExitCodes.UsageError;
            }
            return exit;
        }
        catch (OperationCanceledException)
        {
            recorder.Warn(ScriptMessages.Interrupted);
            return ExitCodes.ExpectationFailed;
        }
        finally
        {
            file?.Dispose();
        }
    }

    private static async Task<string> ReadScriptAsync(string path, CancellationToken ct)
    {
        if (!File.Exists(path)) throw new UsageException(CliLanguage.Format("Cli.Err.ScriptNotFound", path));
        return await ScriptText.ReadFileAsync(path, ct).ConfigureAwait(false);
    }

    private static bool IsPracticeConnect(string line)
    {
        // Every script line comes here; only a /connect or /open line is worth splitting.
        var start = line.AsSpan().Trim();
        if (!start.StartsWith("/connect", StringComparison.OrdinalIgnoreCase) && !start.StartsWith("/open", StringComparison.OrdinalIgnoreCase)) return false;
        var words = line.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length >= 2 && words[0].ToLowerInvariant() is "/connect" or "/open" && words[1].Equals(PracticeTarget.ScriptTargetName, StringComparison.OrdinalIgnoreCase);
    }

    private static Dictionary<string, string> ParseVars(string[] pairs)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            int eq = pair.IndexOf('=');
            // Never echoed: "--var =VALUE" or "--var VALUE" (the name forgotten) is often a password.
            if (eq <= 0) throw new UsageException(CliLanguage.Format("Cli.Err.VarFormat", TranscriptEvent.RedactedText));
            // A name no ${NAME} can spell ("P W", "my-pass") would be accepted and never used: the script then asks
            // for the variable or fails as if it had not been given.
            string name = pair[..eq];
            if (!VariableResolver.IsVariableName(name)) throw new UsageException(CliLanguage.Format("Cli.Err.VarName", name));
            values[name] = pair[(eq + 1)..];
        }
        return values;
    }
}
