using SmtpConsole.Core.Messages;

namespace SmtpConsole.App;

/// <summary>How the screen words a remedy the engine names: the TUI's own commands and dialogs.</summary>
internal static class TuiRemedies
{
    public static string? For(Remedy remedy, UiLanguage language = UiLanguage.English) => remedy switch
    {
        Remedy.UseStartTls or Remedy.UseImplicitTls or Remedy.TrustCaFile or Remedy.AcceptUnverifiedCertificate
            or Remedy.AllowPlaintextAuth or Remedy.Reconnect or Remedy.LongerTimeout or Remedy.NoInitialResponse or Remedy.QuitConsole
            or Remedy.AllowOlderTls or Remedy.ChooseTlsMode or Remedy.ChangeEhloName => language.Say("Remedy." + remedy),
        _ => null,
    };

    /// <summary>A script problem as the console says it: missing variables come with the ways F8 takes a value.</summary>
    public static string Describe(Core.Scripts.ScriptSyntaxException problem, UiLanguage language) => problem.MissingVariables is [var first, ..]
        ? language.Say("Remedy.MissingVariable", problem.Message, first)
        : problem.Message;
}
