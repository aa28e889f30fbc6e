using SmtpConsole.Core.Messages;

namespace SmtpConsole.Core.Doctor;

/// <summary>One row of the doctor's table: what was checked, how it went, and what to do about it.</summary>
/// <param name="Check">The check's name in English (the table words it from the catalogue).</param>
/// <param name="Status">How it went.</param>
/// <param name="Detail">What was observed, in English (JSON and logs).</param>
/// <param name="Fix">What to do, in English and in SMTP terms (no front end's flags: see <see cref="Remedies"/>); null when nothing needs doing.</param>
public sealed record DoctorFinding(string Check, FindingStatus Status, string Detail, string? Fix = null)
{
    /// <summary>The detail in every language; null when the finding was made from plain English text.</summary>
    public LocalizedText? DetailText { get; init; }

    /// <summary>The fix in every language; null when there is none or it was plain English text.</summary>
    public LocalizedText? FixText { get; init; }

    /// <summary>How to carry the fix out, as keys each front end words (the command line: its flags).</summary>
    public IReadOnlyList<Remedy> Remedies { get; init; } = [];

    /// <summary>The certificate problems behind a TLS finding, for tools (JSON); empty elsewhere.</summary>
    public IReadOnlyList<Session.TlsProblemKind> CertificateProblems { get; init; } = [];

    /// <summary>The check's name in the catalogue's words when it has them (keys: <c>Doctor.Check.TCP_connect</c>…), else as the engine said it.</summary>
    public string CheckIn(UiLanguage language)
    {
        string key = "Doctor.Check." + Check.Replace("(", string.Empty, StringComparison.Ordinal).Replace(")", string.Empty, StringComparison.Ordinal).Replace(' ', '_');
        return MessageCatalog.Has(key) ? MessageCatalog.Get(key, language) : Check;
    }

    /// <summary>The detail as the table shows it in <paramref name="language"/>.</summary>
    public string DetailIn(UiLanguage language) => DetailText?.In(language) ?? Detail;

    /// <summary>The fix as the table shows it in <paramref name="language"/>.</summary>
    public string? FixIn(UiLanguage language) => Fix is null ? null : FixText?.In(language) ?? Fix;
}
