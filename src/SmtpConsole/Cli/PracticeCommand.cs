using System.CommandLine;
using SmtpConsole.Core.Scripts;
using SmtpConsole.PracticeServer;

namespace SmtpConsole.Cli;

/// <summary><c>smtpconsole practice</c>: the built-in practice server alone, in the foreground, for telnet/swaks/another console.</summary>
internal sealed class PracticeCommand
{
    private readonly Option<int> _port = new("--port", "-p") { Description = CliLanguage.Text("Cli.Practice.Port") };
    private readonly Option<int> _perClient = new("--max-connections-per-client") { Description = CliLanguage.Text("Cli.Practice.MaxConnectionsPerClient"), DefaultValueFactory = _ => 50 };
    private readonly Option<bool> _plainAuth = new("--plain-auth") { Description = CliLanguage.Text("Cli.Practice.PlainAuth") };

    public Command Build()
    {
        var command = new Command("practice", CliLanguage.Text("Cli.PracticeDescription")) { _port, _plainAuth, _perClient };
        command.SetAction(async (result, ct) =>
        {
            int port = result.GetValue(_port);
            if (port is < 0 or > 65535)
            {
                await Console.Error.WriteLineAsync("smtpconsole practice: " + CliLanguage.Text("Cli.Err.PracticePort")).ConfigureAwait(false);
                return ExitCodes.UsageError;
            }
            int perClient = result.GetValue(_perClient);
            if (perClient is < 1 or > 100_000)
            {
                await Console.Error.WriteLineAsync("smtpconsole practice: " + CliLanguage.Text("Cli.Err.PracticeMaxConnections")).ConfigureAwait(false);
                return ExitCodes.UsageError;
            }
            var options = new PracticeServerOptions { Port = port, AllowPlaintextAuth = result.GetValue(_plainAuth), MaxConnectionsPerClient = perClient };
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
                await Console.Error.WriteLineAsync("smtpconsole practice: " + CliLanguage.Format("Cli.Err.PracticeCannotListen", port, ex.Message)).ConfigureAwait(false);
                return ExitCodes.ConnectionFailed;
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
