using System.CommandLine;
using SmtpConsole.Cli;
using SmtpConsole.Core.Scripts;
using SmtpConsole.Tui;

namespace SmtpConsole;

/// <summary>
/// Entry point: parses the command line. Terminal.Gui is only touched inside <see cref="TuiApp"/>, so
/// <c>--help</c>, <c>--version</c> and the headless commands start fast.
/// </summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        if (CliLanguage.Resolve(args) is { } languageProblem)
        {
            await Console.Error.WriteLineAsync(CliLanguage.Format("Cli.Error", languageProblem)).ConfigureAwait(false);
            return ExitCodes.UsageError;
        }
        var root = new RootCommand(CliLanguage.Text("Cli.RootDescription"));
        root.Options.Add(CliLanguage.CreateOption());
        HelpHeadings.DescribeBuiltInOptions(root, CliLanguage.Current);
        var connection = new ConnectionArguments();
        var host = new Argument<string?>("HOST") { Description = CliLanguage.Text("Cli.Arg.Host"), Arity = ArgumentArity.ZeroOrOne };
        var port = new Argument<int?>("PORT") { Description = CliLanguage.Text("Cli.Arg.Port"), Arity = ArgumentArity.ZeroOrOne };
        var allowPlaintext = new Option<bool>("--allow-plaintext-auth") { Description = CliLanguage.Text("Cli.Opt.AllowPlaintextAuth") };
        var showSecrets = new Option<bool>("--show-secrets") { Description = CliLanguage.Text("Cli.Opt.ShowSecrets") };
        host.Validators.Add(r =>
        {
            if (r.Tokens.Count > 0 && r.Tokens[0].Value.StartsWith('-')) r.AddError(CliLanguage.Format("Cli.UnknownOption", r.Tokens[0].Value));
        });
        root.Arguments.Add(host);
        root.Arguments.Add(port);
        connection.AddTo(root);
        root.Options.Add(allowPlaintext);
        root.Options.Add(showSecrets);
        root.SetAction(async (result, ct) =>
        {
            TuiStartOptions options;
            try
            {
                var defaults = connection.Defaults(result);
                options = new TuiStartOptions
                {
                    Target = ProfileTargets.Resolve(connection, result, result.GetValue(host), result.GetValue(port), defaults),
                    Defaults = defaults,
                    ProfileFile = result.GetValue(connection.ProfileFile),
                    AllowPlaintextAuth = result.GetValue(allowPlaintext),
                    ShowSecrets = result.GetValue(showSecrets),
                    Language = CliLanguage.Current,
                };
            }
            catch (UsageException ex)
            {
                await Console.Error.WriteLineAsync("smtpconsole: " + ex.Message).ConfigureAwait(false);
                return ExitCodes.UsageError;
            }
            return await TuiApp.RunAsync(options, ct).ConfigureAwait(false);
        });
        root.Subcommands.Add(new ReplayCommand().Build());
        root.Subcommands.Add(new DoctorCommand().Build());
        root.Subcommands.Add(new ExplainCommand().Build());
        root.Subcommands.Add(new ProfilesCommand().Build());
        root.Subcommands.Add(new PracticeCommand().Build());

        if (MisplacedSubcommand(root, args) is { } suggestion)
        {
            await Console.Error.WriteLineAsync("smtpconsole: " + suggestion).ConfigureAwait(false);
            return ExitCodes.UsageError;
        }
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0 && parsed.Action is not System.CommandLine.Help.HelpAction)
        {
            foreach (var error in parsed.Errors) await Console.Error.WriteLineAsync(CliLanguage.Format("Cli.Error", ParseErrorText.Translate(error.Message, CliLanguage.Current))).ConfigureAwait(false);
            await Console.Error.WriteLineAsync(CliLanguage.Text("Cli.TryHelp")).ConfigureAwait(false);
            return ExitCodes.UsageError;
        }
        try
        {
            return await SubcommandHelp.InvokeAsync(parsed, host, port).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Last line of defence: whatever slipped past the checks, a user sees one line, never a stack trace.
            string message = ex.Message.ReplaceLineEndings(" ");
            await Console.Error.WriteLineAsync("smtpconsole: " + CliLanguage.Format("Cli.Err.Unexpected", message, ex.GetType().Name)).ConfigureAwait(false);
            return ExitCodes.UsageError;
        }
    }

    /// <summary>
    /// <c>smtpconsole HOST PORT doctor</c>: a command name after the target. Commands come first, so say which form
    /// was meant instead of "unrecognized argument".
    /// </summary>
    private static string? MisplacedSubcommand(RootCommand root, string[] args)
    {
        var names = root.Subcommands.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        if (args.Length == 0 || names.Contains(args[0]) || args[0].StartsWith('-')) return null;
        int at = Array.FindIndex(args, 1, names.Contains);
        if (at < 0) return null;
        string rest = string.Join(' ', args.Where((_, i) => i != at).Select(a => a.Contains(' ', StringComparison.Ordinal) ? $"\"{a}\"" : a));
        return CliLanguage.Format("Cli.Err.MisplacedCommand", args[at], rest);
    }
}
