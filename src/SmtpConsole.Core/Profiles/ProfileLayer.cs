namespace SmtpConsole.Core.Profiles;

/// <summary>Where a profile value can come from, in increasing order of precedence.</summary>
public enum ProfileLayer
{
    /// <summary>The <c>profiles/*.json</c> files shipped next to the executable.</summary>
    Shipped,

    /// <summary>The user's profile folder (XDG config dir or <c>%APPDATA%</c>).</summary>
    User,

    /// <summary>The file named with <c>--profile-file</c>.</summary>
    ProfileFile,

    /// <summary>Environment variables starting with <c>SMTPCONSOLE__</c>.</summary>
    Environment,

    /// <summary>Command-line flags such as <c>--port</c>, applied to the selected profile.</summary>
    CommandLine,
}
