namespace SmtpConsole.Core.Analysis;

/// <summary>One piece of live advice: a warning (likely to cause a refusal) or a hint.</summary>
public sealed record Advice(bool IsWarning, string Text)
{
    public static Advice Warn(string text) => new(true, text);
    public static Advice Info(string text) => new(false, text);
}
