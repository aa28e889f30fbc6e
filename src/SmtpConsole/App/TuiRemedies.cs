using SmtpConsole.Core.Messages;

namespace SmtpConsole.App;

/// <summary>How the screen words a remedy the engine names: the TUI's own commands and dialogs.</summary>
internal static class TuiRemedies
{
    public static string? For(Remedy remedy) => remedy switch
    {
        Remedy.UseStartTls => "type /starttls, then /ehlo; or answer yes when asked to send credentials in clear",
        Remedy.UseImplicitTls => "reconnect with /connect HOST 465 --tls (or --plain to look around)",
        Remedy.TrustCaFile => "reconnect with --cafile FILE naming the CA that signed the certificate",
        Remedy.AcceptUnverifiedCertificate => "reconnect with --insecure to accept it without verification, knowingly",
        Remedy.AllowPlaintextAuth => "answer yes when asked to send credentials without TLS",
        Remedy.Reconnect => "reconnect with /connect",
        Remedy.LongerTimeout => "reconnect with a longer --timeout",
        Remedy.NoInitialResponse => "try /auth with --no-initial",
        _ => null,
    };
}
