namespace SmtpConsole.Core.Scripts;

/// <summary>A script cannot be run as written; the message names the file and line.</summary>
public sealed class ScriptSyntaxException : Exception
{
    public ScriptSyntaxException(string message) : base(message) { }
}
