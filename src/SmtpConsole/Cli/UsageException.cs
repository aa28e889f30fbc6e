namespace SmtpConsole.Cli;

/// <summary>A command-line mistake: printed to stderr, exit code 2.</summary>
internal sealed class UsageException : Exception
{
    public UsageException(string message) : base(message) { }
}
