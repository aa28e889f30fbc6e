using SmtpConsole.Core.Session;

namespace SmtpConsole.Core.Scripts;

public sealed record ScriptRunOptions
{
    /// <summary>Connect here before the first line; <c>/connect</c> lines in the script then go here too (the command line wins).</summary>
    public ConnectOptions? Target { get; init; }

    /// <summary>Continue after a failed expectation instead of stopping (the exit code still reports it).</summary>
    public bool KeepGoing { get; init; }
}
