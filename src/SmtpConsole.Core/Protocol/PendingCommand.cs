namespace SmtpConsole.Core.Protocol;

/// <summary>
/// A client turn that waits for a reply: its verb (what the reply answers), the line as it may be shown (secrets
/// already masked) and its kind. Queued when the line is written, taken by the reply that answers it.
/// </summary>
/// <param name="Verb">The upper-case verb the reply answers: <c>MAIL</c>, <c>AUTH</c> (also for SASL responses), <c>DATA</c> (also for the end of the body), <c>CONNECT</c> for the greeting.</param>
/// <param name="Line">The line as shown to people and written to files; a secret is masked, controls and invisible characters escaped.</param>
/// <param name="Kind">How the reply to it moves the session along.</param>
public sealed record PendingCommand(string Verb, string Line, PendingCommandKind Kind)
{
    /// <summary>The verb used for the greeting, as the knowledge base names that phase.</summary>
    public const string ConnectVerb = "CONNECT";

    public static PendingCommand Greeting { get; } = new(ConnectVerb, "greeting", PendingCommandKind.Greeting);

    public static PendingCommand EndOfData { get; } = new("DATA", "end of DATA", PendingCommandKind.EndOfData);

    /// <summary>True for <c>BDAT n LAST</c>: its reply ends the message.</summary>
    public bool EndsMessage => Kind == PendingCommandKind.EndOfData
        || (Kind == PendingCommandKind.BdatChunk && Line.EndsWith(" LAST", StringComparison.OrdinalIgnoreCase));

    /// <summary>A command line; <paramref name="shown"/> is the line with any secret masked.</summary>
    public static PendingCommand Command(string line, string shown, bool pipelined = false) =>
        new(SmtpCommandText.Verb(line), ServerText.Neutralize(shown), pipelined ? PendingCommandKind.PipelinedCommand : PendingCommandKind.Command);

    /// <summary>A SASL response line (after a 334); its reply answers AUTH.</summary>
    public static PendingCommand SaslResponse(string shown) => new("AUTH", ServerText.Neutralize(shown), PendingCommandKind.SaslResponse);

    public static PendingCommand Bdat(string line) => new("BDAT", line, PendingCommandKind.BdatChunk);
}
