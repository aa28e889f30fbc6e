using SmtpConsole.Core.Messages;

namespace SmtpConsole.Cli;

/// <summary>How the command line words a remedy the engine names (flags and script commands; no TUI keys).</summary>
internal static class CliRemedies
{
    /// <summary>The remedy in <paramref name="language"/> (the engine's language of the flow printing it, so a note and its remedy agree).</summary>
    public static string? For(Remedy remedy, UiLanguage language) => remedy switch
    {
        Remedy.UseStartTls or Remedy.UseImplicitTls or Remedy.TrustCaFile or Remedy.AcceptUnverifiedCertificate
            or Remedy.AllowPlaintextAuth or Remedy.Reconnect or Remedy.LongerTimeout or Remedy.NoInitialResponse
            or Remedy.AllowOlderTls or Remedy.ChooseTlsMode or Remedy.ChangeEhloName
            => MessageCatalog.Get("Cli.Remedy." + remedy, language),
        _ => null,
    };

    /// <summary>A script problem as the command line says it: missing variables come with the ways replay takes a value.</summary>
    public static string Describe(Core.Scripts.ScriptSyntaxException problem) => problem.MissingVariables is [var first, ..]
        ? MessageCatalog.Format(CoreMessages.Language, "Cli.Remedy.MissingVariable", problem.Message, first)
        : problem.Message;
}
