namespace SmtpConsole.Core.Scripts;

/// <summary>One executable line of a script, with where it came from for error messages.</summary>
public sealed record ScriptLine(int Number, ScriptLineKind Kind, string Text)
{
    /// <summary>For <see cref="ScriptLineKind.ExpectCode"/>: the code the transcript recorded.</summary>
    public string? ExpectedCode { get; init; }
}
