namespace SmtpConsole.Core.Profiles;

/// <summary>
/// Where the password for a profile comes from. Profiles never hold the secret itself:
/// only the name of an environment variable, or a request to prompt for it.
/// </summary>
/// <param name="EnvironmentVariable">Environment variable holding the password, or <see langword="null"/>.</param>
/// <param name="Prompt">Ask interactively; with an environment variable, only when that variable is unset or empty.</param>
public sealed record ProfileSecretSource(string? EnvironmentVariable, bool Prompt)
{
    /// <summary>No secret (for servers that need no authentication, such as a local sink).</summary>
    public static ProfileSecretSource None { get; } = new(null, false);

    /// <summary>True when neither an environment variable nor a prompt is configured.</summary>
    public bool IsNone => EnvironmentVariable is null && !Prompt;

    /// <summary>Human-readable description, e.g. <c>env GMAIL_APP_PASSWORD, else prompt</c>.</summary>
    public string Describe() => (EnvironmentVariable, Prompt) switch
    {
        (null, false) => "none",
        (null, true) => "prompt",
        (string variable, false) => $"env {variable}",
        (string variable, true) => $"env {variable}, else prompt",
    };
}
