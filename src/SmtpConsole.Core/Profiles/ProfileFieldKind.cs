namespace SmtpConsole.Core.Profiles;

/// <summary>The JSON shape a profile field must have.</summary>
internal enum ProfileFieldKind
{
    /// <summary>A string, number or boolean.</summary>
    Scalar,

    /// <summary>An array of strings.</summary>
    List,

    /// <summary>An object with known keys.</summary>
    Object,

    /// <summary>An object of arbitrary names to strings (<c>variables</c>).</summary>
    Map,

    /// <summary>The <c>secret</c> object: only <c>env</c> and <c>prompt</c>; anything else is a refused literal secret.</summary>
    Secret,
}
