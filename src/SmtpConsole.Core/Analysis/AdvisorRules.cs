namespace SmtpConsole.Core.Analysis;

/// <summary>Provider rules the advisor checks (taken from the profile).</summary>
public sealed record AdvisorRules(string ProviderName, bool FromMustEqualLogin, IReadOnlyList<string> PreferredMechanisms)
{
    public static AdvisorRules None { get; } = new("this provider", false, []);
}
