using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace SmtpConsole.Core.Profiles;

/// <summary>
/// Expands <c>${name}</c> references in profile values, e.g. Amazon SES's
/// <c>email-smtp.${region}.amazonaws.com</c>. Values come from <c>--var region=eu-west-1</c> or from the
/// environment variable <c>SMTPCONSOLE_REGION</c>. Write <c>$${</c> for a literal <c>${</c>.
/// </summary>
public static class ProfileVariables
{
    /// <summary>Prefix of environment variables that supply variable values (<c>SMTPCONSOLE_REGION</c> for <c>region</c>).</summary>
    public const string EnvironmentPrefix = "SMTPCONSOLE_";

    /// <summary>Replaces every <c>${name}</c> in <paramref name="template"/> with <paramref name="resolve"/>(name).</summary>
    /// <param name="template">Text that may contain references.</param>
    /// <param name="resolve">Returns a variable's value, or <see langword="null"/> (or empty) when it is not set.</param>
    /// <returns>The expanded text, or an error naming the missing or malformed variable.</returns>
    public static ProfileVariableExpansion Expand(string template, Func<string, string?> resolve)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(resolve);
        var expanded = new StringBuilder(template.Length);
        for (var index = 0; index < template.Length; index++)
        {
            if (IsEscapedReference(template, index))
            {
                expanded.Append("${");
                index += 2;
                continue;
            }

            if (!IsReferenceStart(template, index))
            {
                expanded.Append(template[index]);
                continue;
            }

            var end = template.IndexOf('}', index + 2);
            if (end < 0)
                return ProfileVariableExpansion.Failure($"'{template}' has '${{' without a closing '}}'");

            var name = template[(index + 2)..end].Trim();
            if (!ProfileValueParsers.IsValidVariableName(name))
                return ProfileVariableExpansion.Failure($"'${{{name}}}' in '{template}' is not a valid variable name");

            var value = resolve(name);
            if (string.IsNullOrEmpty(value))
            {
                return ProfileVariableExpansion.Failure(
                    // How to give a value is the front end's to say (a flag, a question); the environment works for every one.
                    $"variable '{name}' has no value (the environment variable {EnvironmentVariableFor(name)} is not set either)",
                    name);
            }

            expanded.Append(value);
            index = end;
        }

        return ProfileVariableExpansion.Success(expanded.ToString());
    }

    /// <summary>Names referenced as <c>${name}</c> in <paramref name="template"/>, in order; stops at a malformed reference.</summary>
    public static IReadOnlyList<string> FindReferences(string template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var names = new List<string>();
        for (var index = 0; index < template.Length; index++)
        {
            if (IsEscapedReference(template, index))
            {
                index += 2;
                continue;
            }

            if (!IsReferenceStart(template, index))
                continue;

            var end = template.IndexOf('}', index + 2);
            if (end < 0)
                break;
            names.Add(template[(index + 2)..end].Trim());
            index = end;
        }

        return names;
    }

    /// <summary>The environment variable that supplies <paramref name="variable"/>: <c>region</c> → <c>SMTPCONSOLE_REGION</c>.</summary>
    public static string EnvironmentVariableFor(string variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        return EnvironmentPrefix + variable.ToUpperInvariant().Replace('-', '_').Replace('.', '_');
    }

    /// <summary>
    /// A resolver that looks in <c>--var</c> values first (case-insensitive names), then in the environment
    /// variable <c>SMTPCONSOLE_NAME</c>.
    /// </summary>
    /// <param name="commandLineVariables">Values given with <c>--var name=value</c>.</param>
    /// <param name="environment">Environment to read instead of the process environment, or <see langword="null"/>.</param>
    public static Func<string, string?> CreateResolver(
        IReadOnlyDictionary<string, string> commandLineVariables,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(commandLineVariables);
        return name =>
        {
            foreach (var (key, value) in commandLineVariables)
            {
                if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
                    return value;
            }

            var variable = EnvironmentVariableFor(name);
            if (environment is null)
                return Environment.GetEnvironmentVariable(variable);
            if (environment.TryGetValue(variable, out var exact))
                return exact;
            // Windows treats environment names case-insensitively; do the same for injected environments.
            return environment.FirstOrDefault(pair => string.Equals(pair.Key, variable, StringComparison.OrdinalIgnoreCase)).Value;
        };
    }

    /// <summary>
    /// Expands variables in every field that may contain them (host, user, EHLO name, TLS CA file and
    /// server name, proxy).
    /// </summary>
    /// <returns>True with the expanded profile, or false with an error naming the profile and the missing variable.</returns>
    public static bool TryApply(
        ConnectionProfile profile,
        Func<string, string?> resolve,
        [NotNullWhen(true)] out ConnectionProfile? expanded,
        [NotNullWhen(false)] out string? error) => TryApply(profile, resolve, out expanded, out error, out _);

    /// <summary>As the overload without it, and <c>missingVariable</c>: the variable that had no value, when that was the failure (for the front end's advice).</summary>
    public static bool TryApply(
        ConnectionProfile profile,
        Func<string, string?> resolve,
        [NotNullWhen(true)] out ConnectionProfile? expanded,
        [NotNullWhen(false)] out string? error,
        out string? missingVariable)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(resolve);
        expanded = null;
        error = null;
        string? failure = null;
        string? missing = null;

        string? ExpandField(string? value)
        {
            if (value is null || failure is not null)
                return value;
            var result = Expand(value, resolve);
            if (!result.Succeeded)
            {
                failure = $"profile '{profile.Name}': {result.Error}";
                missing = result.MissingVariable;
            }
            return result.Value;
        }

        var candidate = profile with
        {
            Host = ExpandField(profile.Host),
            User = ExpandField(profile.User),
            EhloName = ExpandField(profile.EhloName),
            Proxy = ExpandField(profile.Proxy),
            Tls = profile.Tls with
            {
                CaFile = ExpandField(profile.Tls.CaFile),
                ServerName = ExpandField(profile.Tls.ServerName),
            },
        };

        missingVariable = missing;
        if (failure is not null)
        {
            error = failure;
            return false;
        }

        expanded = candidate;
        return true;
    }

    private static bool IsReferenceStart(string text, int index) =>
        text[index] == '$' && index + 1 < text.Length && text[index + 1] == '{';

    private static bool IsEscapedReference(string text, int index) =>
        text[index] == '$' && index + 2 < text.Length && text[index + 1] == '$' && text[index + 2] == '{';
}
