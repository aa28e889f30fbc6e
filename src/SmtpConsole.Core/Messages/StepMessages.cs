namespace SmtpConsole.Core.Messages;

/// <summary>
/// Why a step of the command runner failed, as replay's "this step failed" line and the TUI say it, worded in
/// <see cref="CoreMessages.Language"/>. Texts: <c>Step.*</c> keys of the catalogue.
/// </summary>
public static class StepMessages
{
    public static string NoSuchTarget => Say(nameof(NoSuchTarget));

    public static string CredentialsRefusedWithoutTls => Say(nameof(CredentialsRefusedWithoutTls));

    public static string ClosedDuringData => Say(nameof(ClosedDuringData));

    public static string BodyLineNotSent => Say(nameof(BodyLineNotSent));

    public static string PipelineRepliesMissing => Say(nameof(PipelineRepliesMissing));

    public static string NoMx => Say(nameof(NoMx));

    public static string Cancelled => Say(nameof(Cancelled));

    public static string EveryRecipientRefused => Say(nameof(EveryRecipientRefused));

    private static string Say(string name) => MessageCatalog.Get("Step." + name, CoreMessages.Language);
}
