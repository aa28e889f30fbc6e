using SmtpConsole.Core.Doctor;
using SmtpConsole.Core.Messages;

namespace SmtpConsole.Cli;

/// <summary>
/// A doctor finding's fix as the command line says it: the engine's step in SMTP terms, then the flags that carry it
/// out ("connect with implicit TLS (usually port 465) (--tls)"); the engine itself names no flag.
/// </summary>
internal static class DoctorFixText
{
    /// <summary>The fix in <paramref name="language"/>, or null when the finding needs none.</summary>
    public static string? For(DoctorFinding finding, UiLanguage language)
    {
        if (finding.FixIn(language) is not { } fix) return null;
        var flags = finding.Remedies.Select(r => MessageCatalog.Get("Cli.Doctor.Remedy." + r, language)).ToList();
        return flags.Count == 0
            ? fix
            : MessageCatalog.Format(language, "Cli.Doctor.FixWithFlags", fix, string.Join(language == UiLanguage.SimplifiedChinese ? "；" : "; ", flags));
    }
}
