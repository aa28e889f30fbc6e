namespace SmtpConsole.Core.Profiles;

/// <summary>How serious a problem found while loading profiles is.</summary>
public enum ProfileDiagnosticSeverity
{
    /// <summary>Something was ignored or assumed (an unknown key, an alias); the profile still loads.</summary>
    Warning,

    /// <summary>The file or profile concerned was not loaded.</summary>
    Error,
}
