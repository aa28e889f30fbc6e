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
        var root = new RootCommand("smtpconsole: an interactive SMTP console (a telnet replacement that understands SMTP).\n" +
                                   "With no arguments it opens the TUI on the built-in practice server.");
        var connection = new ConnectionArguments();
        var host = new Argument<string?>("HOST") { Description = "Server to connect to (like telnet)", Arity = ArgumentArity.ZeroOrOne };
        var port = new Argument<int?>("PORT") { Description = "Port (default 25; 465 implies --tls)", Arity = ArgumentArity.ZeroOrOne };
        var allowPlaintext = new Option<bool>("--allow-plaintext-auth") { Description = "Do not ask before sending credentials without TLS" };
        var showSecrets = new Option<bool>("--show-secrets") { Description = "Do not redact secrets in saved transcripts (prints a warning)" };
        host.Validators.Add(r =>
        {
            if (r.Tokens.Count > 0 && r.Tokens[0].Value.StartsWith('-')) r.AddError($"unknown option {r.Tokens[0].Value}");
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

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0 && parsed.Action is not System.CommandLine.Help.HelpAction)
        {
            foreach (var error in parsed.Errors) await Console.Error.WriteLineAsync("smtpconsole: " + error.Message).ConfigureAwait(false);
            await Console.Error.WriteLineAsync("Try 'smtpconsole --help'.").ConfigureAwait(false);
            return ExitCodes.UsageError;
        }
        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Last line of defence: whatever slipped past the checks, a user sees one line, never a stack trace.
            string message = ex.Message.ReplaceLineEndings(" ");
            await Console.Error.WriteLineAsync($"smtpconsole: error: {message} ({ex.GetType().Name}; please report it)").ConfigureAwait(false);
            return ExitCodes.UsageError;
        }
    }
}
