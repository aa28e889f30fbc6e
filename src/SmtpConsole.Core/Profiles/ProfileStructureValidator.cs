using System.Globalization;

namespace SmtpConsole.Core.Profiles;

/// <summary>
/// Checks the keys one layer defines against <see cref="ProfileSchema"/>: unknown keys (warnings with the
/// closest known key), values of the wrong shape, and literal secrets (errors that never repeat the value).
/// </summary>
internal static class ProfileStructureValidator
{
    public static void ValidateLayer(ProfileLayerSource layer, List<ProfileDiagnostic> diagnostics)
    {
        // The environment prefix is shared with other application settings, so only "profiles" is ours there.
        if (layer.Layer != ProfileLayer.Environment)
            ValidateTopLevel(layer, diagnostics);

        if (layer.TryGetValue("profiles", out _))
        {
            diagnostics.Add(layer.Diagnose(ProfileDiagnosticSeverity.Error,
                "\"profiles\" must be an object of named profiles, like \"profiles\": { \"gmail\": { ... } }", "profiles", null));
            return;
        }

        foreach (var name in layer.ChildKeys("profiles"))
        {
            var path = "profiles:" + name;
            if (string.IsNullOrWhiteSpace(name))
            {
                diagnostics.Add(layer.Diagnose(ProfileDiagnosticSeverity.Error,
                    "a profile needs a name: \"profiles\" contains an empty key; it was not loaded", path, null));
                continue;
            }

            if (layer.TryGetValue(path, out _))
            {
                diagnostics.Add(layer.Diagnose(ProfileDiagnosticSeverity.Error,
                    $"profile '{name}' must be an object, like \"{name}\": {{ \"host\": \"smtp.example.com\", ... }}", path, name));
                continue;
            }

            ValidateFields(layer, name, path, string.Empty, ProfileSchema.ProfileFields, insideSecret: false, diagnostics);
        }
    }

    public static string LiteralSecretMessage(string profile, string key) =>
        $"profile '{profile}' has a password written in '{key}'; profiles must not contain secrets. " +
        "Put the password in an environment variable and write \"secret\": { \"env\": \"VARIABLE_NAME\" }, " +
        "or write \"secret\": { \"prompt\": true } to be asked when connecting. The profile was not loaded";

    private static void ValidateTopLevel(ProfileLayerSource layer, List<ProfileDiagnostic> diagnostics)
    {
        foreach (var key in layer.ChildKeys(null))
        {
            if (ProfileSchema.TopLevelKeys.Contains(key, StringComparer.OrdinalIgnoreCase))
                continue;

            if (ProfileSchema.IsSecretLikeKey(key) && layer.TryGetValue(key, out _))
            {
                diagnostics.Add(layer.Diagnose(ProfileDiagnosticSeverity.Error,
                    $"'{key}' holds a password; profile files must not contain secrets. Use \"secret\": {{ \"env\": \"VARIABLE_NAME\" }} or {{ \"prompt\": true }} inside a profile",
                    key, null));
                continue;
            }

            var message = layer.ChildKeys(key).Count > 0
                ? $"unknown top-level key '{key}' is ignored; profiles go inside \"profiles\", like {{ \"profiles\": {{ \"{key}\": {{ ... }} }} }}"
                : $"unknown top-level key '{key}' is ignored; a profile file looks like {{ \"profiles\": {{ \"name\": {{ ... }} }} }}";
            diagnostics.Add(layer.Diagnose(ProfileDiagnosticSeverity.Warning, message, key, null));
        }
    }

    private static void ValidateFields(
        ProfileLayerSource layer,
        string profile,
        string parentPath,
        string parentDisplay,
        IReadOnlyList<ProfileSchemaField> allowed,
        bool insideSecret,
        List<ProfileDiagnostic> diagnostics)
    {
        foreach (var key in layer.ChildKeys(parentPath))
        {
            var path = parentPath + ":" + key;
            var display = parentDisplay.Length == 0 ? key : parentDisplay + "." + key;
            var hasValue = layer.TryGetValue(path, out _);
            var children = layer.ChildKeys(path);
            var field = ProfileSchema.Find(allowed, key);

            if (field is null)
            {
                // Inside "secret" only "env" and "prompt" exist, so any other value there is the password itself.
                if (hasValue && (insideSecret || ProfileSchema.IsSecretLikeKey(key)))
                {
                    diagnostics.Add(layer.Diagnose(ProfileDiagnosticSeverity.Error, LiteralSecretMessage(profile, display), path, profile));
                    continue;
                }

                if (parentDisplay.Length == 0 && ProfileSchema.LooksLikeLanguage(key))
                {
                    diagnostics.Add(layer.Diagnose(ProfileDiagnosticSeverity.Warning,
                        $"'{key}' in profile '{profile}' is ignored: the only translation a profile may carry is \"{ProfileSchema.ChineseKey}\" (its description and notes)", path, profile));
                    continue;
                }

                var suggestion = ProfileNameSuggester.Suggest(key, allowed.Select(known => known.Key), 1);
                var hint = suggestion.Count > 0 ? $"; did you mean '{suggestion[0]}'?" : string.Empty;
                diagnostics.Add(layer.Diagnose(ProfileDiagnosticSeverity.Warning,
                    $"unknown key '{display}' in profile '{profile}' is ignored{hint}", path, profile));
                continue;
            }

            switch (field.Kind)
            {
                case ProfileFieldKind.Scalar when children.Count > 0:
                    ReportShape(layer, profile, path, display, "a single value (text, number, true or false)", diagnostics);
                    break;

                case ProfileFieldKind.List:
                    ValidateList(layer, profile, path, display, hasValue, children, diagnostics);
                    break;

                case ProfileFieldKind.Object when hasValue:
                    ReportShape(layer, profile, path, display, "an object", diagnostics);
                    break;

                case ProfileFieldKind.Object:
                    ValidateFields(layer, profile, path, display, field.Children, insideSecret: false, diagnostics);
                    break;

                case ProfileFieldKind.Secret when hasValue:
                    diagnostics.Add(layer.Diagnose(ProfileDiagnosticSeverity.Error, LiteralSecretMessage(profile, display), path, profile));
                    break;

                case ProfileFieldKind.Secret:
                    ValidateFields(layer, profile, path, display, field.Children, insideSecret: true, diagnostics);
                    break;

                case ProfileFieldKind.Map when hasValue:
                    ReportShape(layer, profile, path, display, "an object of name: description pairs", diagnostics);
                    break;

                case ProfileFieldKind.Map:
                    foreach (var entry in children.Where(entry => layer.ChildKeys(path + ":" + entry).Count > 0))
                        ReportShape(layer, profile, path + ":" + entry, display + "." + entry, "a text description", diagnostics);
                    break;
            }
        }
    }

    private static void ValidateList(
        ProfileLayerSource layer,
        string profile,
        string path,
        string display,
        bool hasValue,
        IReadOnlyList<string> children,
        List<ProfileDiagnostic> diagnostics)
    {
        // An environment variable cannot hold an array, so there a comma-separated value stands for the list.
        if (hasValue && layer.Layer == ProfileLayer.Environment)
            return;

        var isListOfText = !hasValue && children.All(child =>
            int.TryParse(child, NumberStyles.None, CultureInfo.InvariantCulture, out _)
            && layer.ChildKeys(path + ":" + child).Count == 0);
        if (!isListOfText)
            ReportShape(layer, profile, path, display, "a list of text values, like [\"first\", \"second\"]", diagnostics);
    }

    private static void ReportShape(ProfileLayerSource layer, string profile, string path, string display, string expected, List<ProfileDiagnostic> diagnostics) =>
        diagnostics.Add(layer.Diagnose(ProfileDiagnosticSeverity.Error,
            $"'{display}' in profile '{profile}' must be {expected}; the profile was not loaded", path, profile));
}
