using SmtpConsole.Core.Protocol;

namespace SmtpConsole.Core.Session;

/// <summary>What one command (or helper) ended with: the final reply, or why there was none.</summary>
public sealed record CommandResult(SmtpReply? Reply, CommandFailure Failure, string? Message = null)
{
    public static CommandResult Of(SmtpReply reply) => new(reply, CommandFailure.None);
    public static CommandResult Fail(CommandFailure failure, string message) => new(null, failure, message);

    public static CommandResult Fail(CommandFailure failure, string message, Messages.Remedy remedy) => new(null, failure, message) { Remedy = remedy };

    /// <summary>What the user can do about a failure, as a key each front end words itself.</summary>
    public Messages.Remedy Remedy { get; init; }

    /// <summary>A reply arrived and it is 2xx/3xx.</summary>
    public bool Succeeded => Failure == CommandFailure.None && Reply is { IsSuccess: true };

    /// <summary>True when the connection itself is the problem (exit code 3 territory).</summary>
    public bool IsConnectionFailure => Failure is CommandFailure.ConnectFailed or CommandFailure.TlsFailed;
}
