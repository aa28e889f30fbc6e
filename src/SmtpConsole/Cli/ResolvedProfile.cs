namespace SmtpConsole.Cli;

/// <summary>What a chosen profile adds beyond host/port/security: who logs in and under which provider rules.</summary>
internal sealed record ResolvedProfile(string Name, string? User, string? SecretEnvironmentVariable, IReadOnlyList<string> AuthMechanisms, bool FromMustEqualLogin, string? Provider);
