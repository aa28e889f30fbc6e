using SmtpConsole.Core.Session;

namespace SmtpConsole.Core.Scripts;

public sealed record ScriptRunOptions
{
    /// <summary>
    /// Connect here before the first line (unless the script starts with <c>/connect</c>); <c>/connect</c> lines in the
    /// script go here too, keeping their own security mode and port when <see cref="KeepScriptSecurity"/> /
    /// <see cref="KeepScriptPort"/> say the command line did not name them.
    /// </summary>
    public ConnectOptions? Target { get; init; }

    /// <summary>The command line named no --plain/--tls/--starttls: a script's <c>/connect … --starttls</c> keeps its mode.</summary>
    public bool KeepScriptSecurity { get; init; }

    /// <summary>The command line named no --port: a script's <c>/connect HOST PORT</c> keeps its port.</summary>
    public bool KeepScriptPort { get; init; }

    /// <summary>Continue after a failed expectation instead of stopping (the exit code still reports it).</summary>
    public bool KeepGoing { get; init; }
}
