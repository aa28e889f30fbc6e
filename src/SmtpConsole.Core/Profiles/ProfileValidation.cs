namespace SmtpConsole.Core.Profiles;

/// <summary>Collects the diagnostics for one profile, placing each at the layer and line that set the field.</summary>
internal sealed class ProfileValidation(ProfileResolver resolver, string profile)
{
    private readonly List<ProfileDiagnostic> _diagnostics = [];

    public IReadOnlyList<ProfileDiagnostic> Diagnostics => _diagnostics;

    public bool HasErrors => _diagnostics.Any(diagnostic => diagnostic.IsError);

    public void Error(string field, string message) => Add(ProfileDiagnosticSeverity.Error, field, message);

    public void Warning(string field, string message) => Add(ProfileDiagnosticSeverity.Warning, field, message);

    private void Add(ProfileDiagnosticSeverity severity, string field, string message)
    {
        var profilePath = ProfileResolver.PathOf(profile);
        var fieldPath = field.Length == 0 ? profilePath : ProfileResolver.PathOf(profile, field);

        // A missing field is reported where the profile itself is defined; a bad value where it was set.
        var layer = resolver.FindUnitLayer(fieldPath);
        var path = fieldPath;
        if (layer is null)
        {
            layer = resolver.DefiningLayers(profile).FirstOrDefault();
            path = profilePath;
        }

        _diagnostics.Add(layer?.Diagnose(severity, message, path, profile)
            ?? new ProfileDiagnostic(severity, message, Profile: profile));
    }
}
