namespace SmtpConsole.Core.Messages;

/// <summary>
/// The few words the reply explainer adds around a diagnosis for a person (the code a pasted reply did not show, the
/// provider a hint is about), worded in a given language; <c>--json</c> keeps the English. Texts: <c>Diagnosis.*</c> keys.
/// </summary>
[MessageArea("Diagnosis.")]
public static partial class DiagnosisMessages;
