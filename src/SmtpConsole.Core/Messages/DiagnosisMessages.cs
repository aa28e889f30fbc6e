namespace SmtpConsole.Core.Messages;

/// <summary>
/// The few words the reply explainer adds around a diagnosis for a person (the code a pasted reply did not show, the
/// provider a hint is about), worded in a given language; <c>--json</c> keeps the English. Texts: <c>Diagnosis.*</c> keys.
/// </summary>
public static class DiagnosisMessages
{
    public static string CodeNotShown => Say(nameof(CodeNotShown));

    public static string ClassCodeNotShown(string codeClass) => Say(nameof(ClassCodeNotShown), codeClass);

    public static string ProviderHint(string provider, string hint) => Say(nameof(ProviderHint), provider, hint);

    private static string Say(string name, params object?[] args) => MessageCatalog.Format(CoreMessages.Language, "Diagnosis." + name, args);
}
