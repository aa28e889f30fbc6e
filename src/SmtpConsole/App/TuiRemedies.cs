using SmtpConsole.Core.Messages;

namespace SmtpConsole.App;

/// <summary>How the screen words a remedy the engine names: the TUI's own commands and dialogs.</summary>
internal static class TuiRemedies
{
    public static string? For(Remedy remedy, UiLanguage language = UiLanguage.English) => remedy switch
    {
        Remedy.UseStartTls or Remedy.UseImplicitTls or Remedy.TrustCaFile or Remedy.AcceptUnverifiedCertificate
            or Remedy.AllowPlaintextAuth or Remedy.Reconnect or Remedy.LongerTimeout or Remedy.NoInitialResponse => language.Say("Remedy." + remedy),
        _ => null,
    };
}
