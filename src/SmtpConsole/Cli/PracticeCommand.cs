using System.CommandLine;
using SmtpConsole.Core.Scripts;
using SmtpConsole.PracticeServer;

namespace SmtpConsole.Cli;

/// <summary><c>smtpconsole practice</c>: the built-in practice server alone, in the foreground, for telnet/swaks/another console.</summary>
internal sealed class PracticeCommand
{
    private readonly Option<int> _port = new("--port", "-p") { Description = "Port on 127.0.0.1 (default: a free port)" };
    private readonly Option<bool> _plainAuth = new("--plain-auth") { Description = "Also offer AUTH before STARTTLS (to practise the refusal-free way; never do this for real)" };

    public Command Build()
    {
        var command = new Command("practice", CliLanguage.Text("Cli.PracticeDescription"));
        command.Options.Add(_port);
        command.Options.Add(_plainAuth);
        command.SetAction(async (result, ct) =>
        {
            int port = result.GetValue(_port);
            if (port is < 0 or > 65535)
            {
                await Console.Error.WriteLineAsync("smtpconsole practice: --port must be 0-65535").ConfigureAwait(false);
                return ExitCodes.UsageError;
            }
            var options = new PracticeServerOptions { Port = port, AllowPlaintextAuth = result.GetValue(_plainAuth) };
            try
            {
                await PracticeServerHost.RunForegroundAsync(options, Console.Out, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C: the normal way to stop.
            }
            catch (System.Net.Sockets.SocketException ex)
            {
                await Console.Error.WriteLineAsync($"smtpconsole practice: cannot listen on 127.0.0.1:{port}: {ex.Message}").ConfigureAwait(false);
                return ExitCodes.ConnectionFailed;
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
