using SmtpConsole.Core.Messages;
namespace SmtpConsole.Core.Scripts;

/// <summary>A script cannot be run as written; the message names the file and line.</summary>
public sealed class ScriptSyntaxException : Exception
{
    public ScriptSyntaxException(string message) : base(message) { }

    /// <summary>Variables of <paramref name="source"/> that have no value; each front end says how to give one.</summary>
    public ScriptSyntaxException(string source, IReadOnlyList<string> missingVariables)
        : base(ScriptMessages.NoValueFor(source, string.Join(", ", missingVariables)))
    {
        MissingVariables = missingVariables;
    }

    /// <summary>The variables that have no value (empty for other problems).</summary>
    public IReadOnlyList<string> MissingVariables { get; } = [];
}
