using SmtpConsole.Core.Messages;

namespace SmtpConsole.Cli;

/// <summary>How the command line words a remedy the engine names (flags and script commands; no TUI keys).</summary>
internal static class CliRemedies
{
    public static string? For(Remedy remedy) => remedy switch
    {
        Remedy.UseStartTls => "run /starttls first (or connect with --starttls / --tls); to send credentials in clear anyway, pass --allow-plaintext-auth",
        Remedy.UseImplicitTls => "try --tls on port 465, or --plain to look around",
        Remedy.TrustCaFile => "pass --cafile FILE with the CA that signed the server's certificate",
        Remedy.AcceptUnverifiedCertificate => "--insecure accepts it without verification, knowingly",
        Remedy.AllowPlaintextAuth => "pass --allow-plaintext-auth to send credentials without TLS",
        Remedy.Reconnect => "start a new connection (/connect in a script)",
        Remedy.LongerTimeout => "wait longer with --timeout SECONDS",
        Remedy.NoInitialResponse => "try --no-initial",
        _ => null,
    };

    /// <summary>A script problem as the command line says it: missing variables come with the ways replay takes a value.</summary>
    public static string Describe(Core.Scripts.ScriptSyntaxException problem) => problem.MissingVariables is [var first, ..]
        ? $"{problem.Message}: pass --var {first}=VALUE, or set SMTPCONSOLE_{first}, or run in a terminal to be asked"
        : problem.Message;
}
