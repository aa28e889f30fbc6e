using SmtpConsole.Core.Messages;
using SmtpConsole.Core.Protocol;

namespace SmtpConsole.Core.Scripts;

/// <summary>
/// Finds values for <c>${NAME}</c>: <c>--var NAME=VALUE</c> first, then the environment (<c>SMTPCONSOLE_NAME</c>),
/// then a masked prompt when someone is at the terminal; otherwise an error naming the variables without a value
/// (<see cref="ScriptSyntaxException.MissingVariables"/>: each front end says how it takes one).
/// </summary>
public sealed class VariableResolver
{
    private readonly IReadOnlyDictionary<string, string> _given;
    private readonly Func<string, string?> _environment;
    private readonly Func<string, string?>? _prompt;

    public VariableResolver(IReadOnlyDictionary<string, string> given, Func<string, string?>? environment = null, Func<string, string?>? prompt = null)
    {
        _given = given;
        _environment = environment ?? Environment.GetEnvironmentVariable;
        _prompt = prompt;
    }

    /// <summary>Resolves every variable; throws <see cref="ScriptSyntaxException"/> listing those that have no value.</summary>
    public IReadOnlyDictionary<string, string> ResolveAll(IEnumerable<string> names, string source)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var name in names)
        {
            string? value = _given.TryGetValue(name, out var g) ? g : _environment("SMTPCONSOLE_" + name);
            value ??= _prompt?.Invoke(name);
            if (value is null)
            {
                missing.Add(name);
                continue;
            }
            if (SmtpCommandText.Problem(value) is not null)
                throw new ScriptSyntaxException(ScriptMessages.VariableInjects(source, name));
            values[name] = value;
        }
        if (missing.Count > 0) throw new ScriptSyntaxException(source, missing);
        return values;
    }

    /// <summary>Like <see cref="ResolveAll"/>, with an asynchronous prompt (the TUI's masked dialog).</summary>
    public async Task<IReadOnlyDictionary<string, string>> ResolveAllAsync(IEnumerable<string> names, string source, Func<string, Task<string?>> prompt)
    {
        var asked = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (_given.ContainsKey(name) || _environment("SMTPCONSOLE_" + name) is not null) continue;
            if (await prompt(name).ConfigureAwait(false) is { } value) asked[name] = value;
        }
        var merged = new Dictionary<string, string>(asked, StringComparer.Ordinal);
        foreach (var (k, v) in _given) merged[k] = v;
        return new VariableResolver(merged, _environment).ResolveAll(names, source);
    }

    /// <summary>Whether <paramref name="name"/> can be written as <c>${NAME}</c> in a script (the grammar of <see cref="ScriptReader.VariablePattern"/>).</summary>
    public static bool IsVariableName(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    // The replacing lambdas live in their own methods: a closure over `values` is allocated when a method is entered,
    // so with them inline every line of a 10,000-line script paid for one even without a `${`.
    public static string Expand(string text, IReadOnlyDictionary<string, string> values) =>
        !text.Contains("${", StringComparison.Ordinal) ? text : ReplaceVariables(text, values);

    private static string ReplaceVariables(string text, IReadOnlyDictionary<string, string> values) =>
        ScriptReader.VariablePattern().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);

    /// <summary>
    /// Like <see cref="Expand"/>, but a value with spaces or quotes is wrapped in the quote it does not contain, so the
    /// helper's tokenizer sees one argument. A value holding both quote characters and a space cannot be written as
    /// one argument; it is refused rather than split.
    /// </summary>
    public static string ExpandAsArguments(string text, IReadOnlyDictionary<string, string> values) =>
        !text.Contains("${", StringComparison.Ordinal) ? text : ReplaceVariablesAsArguments(text, values);

    private static string ReplaceVariablesAsArguments(string text, IReadOnlyDictionary<string, string> values) =>
        ScriptReader.VariablePattern().Replace(text, m =>
        {
            if (!values.TryGetValue(m.Groups[1].Value, out var v)) return m.Value;
            if (v.Length > 0 && !v.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'')) return v;
            if (!v.Contains('"')) return "\"" + v + "\"";
            if (!v.Contains('\'')) return "'" + v + "'";
            throw new ScriptSyntaxException(ScriptMessages.VariableBothQuotes(m.Groups[1].Value));
        });
}
