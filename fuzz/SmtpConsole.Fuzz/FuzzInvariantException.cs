namespace SmtpConsole.Fuzz;

/// <summary>Thrown when the code under test returned without throwing but broke a promise it makes; afl-fuzz records it as a crash.</summary>
internal sealed class FuzzInvariantException : Exception
{
    public FuzzInvariantException(string message) : base(message) { }
}
