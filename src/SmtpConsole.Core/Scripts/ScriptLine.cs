namespace SmtpConsole.Core.Scripts;

/// <summary>One executable line of a script, with where it came from for error messages.</summary>
public sealed record ScriptLine(int Number, ScriptLineKind Kind, string Text)
{
    /// <summary>For <see cref="ScriptLineKind.ExpectCode"/>: the code the transcript recorded.</summary>
    public string? ExpectedCode { get; init; }

    /// <summary>
    /// For a <c>/data @FILE</c> or <c>/bdat @FILE</c> block of a saved transcript: the message bytes recorded in it
    /// (<c>D:</c> lines). Replay sends these and never reads the path named in the file.
    /// </summary>
    public byte[]? Payload { get; init; }

    /// <summary>A body line of a saved transcript: sent exactly as recorded (no <c>${NAME}</c> expansion).</summary>
    public bool Literal { get; init; }
}
