namespace SmtpConsole.Core.Profiles;

/// <summary>Result of expanding <c>${variable}</c> references in a profile value.</summary>
/// <param name="Value">The expanded text; empty when expansion failed.</param>
/// <param name="Error">Why expansion failed (naming the missing variable and how to set it), or <see langword="null"/>.</param>
/// <param name="MissingVariable">The variable that had no value, when that was the failure.</param>
public sealed record ProfileVariableExpansion(string Value, string? Error, string? MissingVariable)
{
    /// <summary>True when every reference was resolved.</summary>
    public bool Succeeded => Error is null;

    internal static ProfileVariableExpansion Success(string value) => new(value, null, null);

    internal static ProfileVariableExpansion Failure(string error, string? missingVariable = null) => new(string.Empty, error, missingVariable);
}
