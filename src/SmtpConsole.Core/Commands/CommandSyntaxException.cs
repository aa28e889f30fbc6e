namespace SmtpConsole.Core.Commands;

/// <summary>A command line that cannot be understood; the message says what was expected.</summary>
public sealed class CommandSyntaxException : Exception
{
    public CommandSyntaxException(string message) : base(message) { }
}
